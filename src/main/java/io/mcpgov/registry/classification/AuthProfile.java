package io.mcpgov.registry.classification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How a server version can be used, remote by remote and package by package. The derived flags are serialized for
 * clients and ignored when the profile is read back, since they follow from the lists.
 */
@JsonIgnoreProperties(value = {"hasOauth", "hasRemoteApiKey", "hasPackageSecret", "hasPublic"}, allowGetters = true)
public record AuthProfile(List<RemoteAuth> remotes, List<PackageAuth> packages, OAuthDeclaration oauth2) {

    public AuthProfile {
        remotes = List.copyOf(remotes);
        packages = List.copyOf(packages);
    }

    /** Some remote is reached with OAuth. */
    @JsonProperty("hasOauth")
    public boolean hasOauth() {
        return remotes.stream().anyMatch(r -> r.auth() == AuthType.OAUTH2);
    }

    /** Some remote is reached with a static credential. */
    @JsonProperty("hasRemoteApiKey")
    public boolean hasRemoteApiKey() {
        return remotes.stream().anyMatch(r -> r.auth() == AuthType.API_KEY);
    }

    /** Some package needs a secret in its environment, arguments or headers. */
    @JsonProperty("hasPackageSecret")
    public boolean hasPackageSecret() {
        return packages.stream().anyMatch(p -> p.auth() == AuthType.API_KEY);
    }

    /** Some remote needs no credential at all. */
    @JsonProperty("hasPublic")
    public boolean hasPublic() {
        return remotes.stream().anyMatch(r -> r.auth() == AuthType.NONE);
    }

    /**
     * No way to use the server offers OAuth, and at least one needs an API key: remotes always count, packages only
     * when {@code packagesCount} (stdio packages cannot use MCP OAuth, so policy may leave them out).
     */
    public boolean apiKeyOnly(boolean packagesCount) {
        return !hasOauth() && (hasRemoteApiKey() || (packagesCount && hasPackageSecret()));
    }
}
