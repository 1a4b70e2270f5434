package io.mcpgov.registry.server;

import io.mcpgov.registry.change.ListingHorizon;
import jakarta.enterprise.context.ApplicationScoped;

/** An approved exception that ends stops covering its versions at that moment. */
@ApplicationScoped
class ExceptionEndHorizon implements ListingHorizon {

    @Override
    public String nextChangeSql() {
        return "(SELECT min(expires_at) FROM api_key_exception WHERE state = 'approved' AND expires_at > now())";
    }
}
