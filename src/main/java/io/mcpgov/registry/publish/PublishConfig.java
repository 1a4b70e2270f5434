package io.mcpgov.registry.publish;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Publishing: the document's size, the versions a server may have, the development switch for loopback remotes. Each
 * setting is documented in docs/configuration.md.
 */
@ConfigMapping(prefix = "registry.publish")
public interface PublishConfig {
    /** Largest server.json accepted by publish and validate, in bytes. */
    @WithDefault("524288")
    int maxDocumentBytes();

    /** Development only: accept plain http remotes on loopback addresses. */
    @WithDefault("false")
    boolean allowHttpLoopback();

    /** Versions one server may have, as in the official registry. */
    @WithDefault("10000")
    int maxVersionsPerServer();
}
