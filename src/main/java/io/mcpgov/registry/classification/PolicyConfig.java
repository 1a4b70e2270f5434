package io.mcpgov.registry.classification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a server's ways in are classified and which of them are listed. Each setting is documented in
 * docs/configuration.md.
 */
@ConfigMapping(prefix = "registry.policy")
public interface PolicyConfig {
    /** Count packages that need a secret environment variable as API-key ways to use a server. */
    @WithDefault("true")
    boolean packagesWithSecretsAreApiKey();

    /** List servers whose remotes need no credential at all (labelled {@code none}). */
    @WithDefault("true")
    boolean listUnauthenticated();
}
