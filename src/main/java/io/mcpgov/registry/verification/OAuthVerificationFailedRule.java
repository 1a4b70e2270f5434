package io.mcpgov.registry.verification;

import io.mcpgov.registry.classification.PolicyConfig;
import io.mcpgov.registry.server.ListingRule;
import io.mcpgov.registry.server.OAuthClaim;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An entry whose declared OAuth the registry could not confirm (under {@code registry.verification.listing}) and that
 * offers no other way in is hidden. One that also has API keys falls under the API-key gate instead.
 */
@ApplicationScoped
public class OAuthVerificationFailedRule implements ListingRule {

    public static final String ID = "oauth-verification-failed";

    private final OAuthClaim claim;
    private final VerificationConfig config;
    private final boolean packagesCount;

    OAuthVerificationFailedRule(OAuthClaim claim, VerificationConfig config, PolicyConfig policy) {
        this.claim = claim;
        this.config = config;
        this.packagesCount = policy.packagesWithSecretsAreApiKey();
    }

    @Override
    public String ruleId() {
        return ID;
    }

    @Override
    public boolean enabled() {
        return config.listing() != VerificationConfig.ListingPolicy.WARN;
    }

    @Override
    public String hidesWhen() {
        String apiKeyWay = packagesCount ? "(sv.has_remote_api_key OR sv.has_package_secret)" : "sv.has_remote_api_key";
        return "(sv.has_oauth AND " + claim.refutedSql() + " AND NOT " + apiKeyWay + ")";
    }

    @Override
    public String message() {
        return "The server declares OAuth, but probing it did not confirm the declaration (see verification for the"
                + " failing checks). Fix the server or its metadata and ask for a new check with POST"
                + " /v0.1/x/io.mcpgov.registry/servers/{name}/versions/{version}/verification.";
    }
}
