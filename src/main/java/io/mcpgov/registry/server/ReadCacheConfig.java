package io.mcpgov.registry.server;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The discovery read cache of each instance. */
@ConfigMapping(prefix = "registry.read-cache")
public interface ReadCacheConfig {

    /** Answer repeated discovery reads from memory (always checked against the database's change counter first). */
    @WithDefault("true")
    boolean enabled();

    /** Memory the cached answers may take on one instance, in bytes. */
    @WithDefault("67108864")
    long maxBytes();
}
