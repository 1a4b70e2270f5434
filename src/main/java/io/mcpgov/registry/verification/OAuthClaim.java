package io.mcpgov.registry.verification;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether an entry's OAuth claim counts, as SQL over {@code sv}: it does unless verification refuted it under the
 * configured listing policy. Both the API-key gate and the verification rule use it, so a server whose OAuth claim
 * failed and that otherwise has only API keys falls under the API-key gate.
 */
@ApplicationScoped
public class OAuthClaim {

    private final VerificationConfig.ListingPolicy policy;

    OAuthClaim(VerificationConfig config) {
        this.policy = config.listing();
    }

    /** True when the entry declares OAuth and verification has not refuted it. */
    public String holdsSql() {
        return "(sv.has_oauth AND NOT " + refutedSql() + ")";
    }

    /** True when verification refuted the claim under the policy. */
    public String refutedSql() {
        return switch (policy) {
            case WARN -> "FALSE";
            case HIDE_FAILED -> "(sv.oauth_verification = 'failed')";
            case HIDE_UNVERIFIED -> "(sv.oauth_verification <> 'verified')";
        };
    }
}
