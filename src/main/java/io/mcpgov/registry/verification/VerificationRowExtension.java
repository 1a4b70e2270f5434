package io.mcpgov.registry.verification;

import io.mcpgov.registry.server.RowExtension;
import jakarta.enterprise.context.ApplicationScoped;

/** Shows each entry's verification state and per-remote verdicts to agents. */
@ApplicationScoped
class VerificationRowExtension implements RowExtension {

    @Override
    public String key() {
        return "verification";
    }

    @Override
    public String sql() {
        return "COALESCE(sv.verification, jsonb_build_object('state', sv.oauth_verification))";
    }
}
