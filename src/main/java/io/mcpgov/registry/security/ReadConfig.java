package io.mcpgov.registry.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may read without a token. Each setting is documented in docs/configuration.md. */
@ConfigMapping(prefix = "registry.read")
public interface ReadConfig {
    /** Let callers without a token read listed entries (for clients that cannot send tokens yet). */
    @WithDefault("false")
    boolean anonymous();
}
