package io.mcpgov.registry.server;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

/** Every declared OAuth claim counts, when no feature provides another {@link OAuthClaim}. */
@ApplicationScoped
@DefaultBean
public class UnrefutedOAuthClaim implements OAuthClaim {

    @Override
    public String refutedSql() {
        return "FALSE";
    }
}
