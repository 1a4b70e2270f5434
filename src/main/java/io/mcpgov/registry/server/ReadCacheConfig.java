package io.mcpgov.registry.server;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The discovery read cache of each instance. */
@ConfigMapping(prefix = "registry.read-cache")
public interface ReadCacheConfig {

    /** Answer repeated discovery reads from memory (always checked against the database's change counter first). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Longest an answer is served from memory. Every change to what agents may reach is seen at once whatever this
     * is; it bounds how old details that do not affect listing (such as a repeated verification's time) can be.
     */
    @WithDefault("2m")
    Duration maxAge();

    /** Memory the cached answers may take on one instance, in bytes. */
    @WithDefault("67108864")
    long maxBytes();

    /**
     * The part of {@link #maxBytes()} kept for list pages reached through a cursor, so that clients walking the whole
     * list do not push out the answers agents ask for directly; 0 keeps no such page. Allocated in full at start, in
     * one array that pages overwrite oldest first.
     */
    @WithDefault("16777216")
    long cursorPagesMaxBytes();
}
