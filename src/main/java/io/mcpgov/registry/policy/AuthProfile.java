package io.mcpgov.registry.policy;

// TEMPORARY STUB (replaced by the validation branch)
public record AuthProfile(boolean hasOauth, boolean hasRemoteApiKey, boolean hasPackageSecret, boolean hasPublic) {
    public boolean apiKeyOnly(boolean packagesCount) {
        return !hasOauth && (hasRemoteApiKey || (packagesCount && hasPackageSecret));
    }
}
