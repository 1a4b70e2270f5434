package io.mcpgov.registry.policy;

import io.mcpgov.registry.classification.PolicyConfig;
import io.mcpgov.registry.server.ListingRule;
import io.mcpgov.registry.server.OAuthClaim;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Servers that can only be used with an API key are not listed unless an approved exception covers them. An OAuth
 * claim that verification refuted does not count as a way in.
 */
@ApplicationScoped
public class ApiKeyOnlyRule implements ListingRule {

    public static final String ID = "api-key-only";

    private final boolean packagesCount;
    private final OAuthClaim oauth;

    ApiKeyOnlyRule(PolicyConfig config, OAuthClaim oauth) {
        this.packagesCount = config.packagesWithSecretsAreApiKey();
        this.oauth = oauth;
    }

    @Override
    public String ruleId() {
        return ID;
    }

    @Override
    public String hidesWhen() {
        String apiKeyWay = packagesCount ? "(sv.has_remote_api_key OR sv.has_package_secret)" : "sv.has_remote_api_key";
        return "(NOT " + oauth.holdsSql() + " AND " + apiKeyWay + " AND ex.id IS NULL)";
    }

    @Override
    public String message() {
        return "Every way to use this server needs an API key and none offers OAuth. It is listed only while an approved"
                + " exception covers it: request one with POST /v0.1/x/io.mcpgov.registry/exceptions.";
    }
}
