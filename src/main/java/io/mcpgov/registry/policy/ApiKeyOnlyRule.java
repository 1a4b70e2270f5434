package io.mcpgov.registry.policy;

import io.mcpgov.registry.common.RegistryConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Servers that can only be used with an API key are not listed unless an approved exception covers them. */
@ApplicationScoped
public class ApiKeyOnlyRule implements ListingRule {

    public static final String ID = "api-key-only";

    private final boolean packagesCount;

    ApiKeyOnlyRule(RegistryConfig config) {
        this.packagesCount = config.policy().packagesWithSecretsAreApiKey();
    }

    @Override
    public String ruleId() {
        return ID;
    }

    @Override
    public String hidesWhen() {
        String apiKeyWay = packagesCount ? "(sv.has_remote_api_key OR sv.has_package_secret)" : "sv.has_remote_api_key";
        return "(NOT sv.has_oauth AND " + apiKeyWay + " AND ex.id IS NULL)";
    }

    @Override
    public String message() {
        return "Every way to use this server needs an API key and none offers OAuth. It is listed only while an approved"
                + " exception covers it: request one with POST /v0.1/x/io.mcpgov.registry/exceptions.";
    }
}
