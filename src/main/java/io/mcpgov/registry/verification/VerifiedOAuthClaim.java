package io.mcpgov.registry.verification;

import io.mcpgov.registry.server.OAuthClaim;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An entry's OAuth claim counts unless verification refuted it under the configured listing policy. Both the API-key
 * gate and the verification rule use it, so a server whose OAuth claim failed and that otherwise has only API keys
 * falls under the API-key gate.
 */
@ApplicationScoped
public class VerifiedOAuthClaim implements OAuthClaim {

    private final VerificationConfig.ListingPolicy policy;

    VerifiedOAuthClaim(VerificationConfig config) {
        this.policy = config.listing();
    }

    /** True when verification refuted the claim under the policy. */
    @Override
    public String refutedSql() {
        return switch (policy) {
            case WARN -> "FALSE";
            case HIDE_FAILED -> "(sv.oauth_verification = 'failed')";
            case HIDE_UNVERIFIED -> "(sv.oauth_verification <> 'verified')";
        };
    }
}
