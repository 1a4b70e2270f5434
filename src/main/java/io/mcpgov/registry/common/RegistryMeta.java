package io.mcpgov.registry.common;

/** The reverse-DNS keys the registry reads and writes under {@code _meta}. */
public final class RegistryMeta {

    /** The registry's own key: governance data in responses, and publishers' declarations in server.json. */
    public static final String KEY = "io.mcpgov.registry/governance";

    /** The official registry's response metadata. */
    public static final String OFFICIAL = "io.modelcontextprotocol.registry/official";

    /** The only server.json {@code _meta} key the official registry keeps. */
    public static final String PUBLISHER_PROVIDED = "io.modelcontextprotocol.registry/publisher-provided";

    /** Path prefix of the registry's own operations. */
    public static final String EXTENSION_PATH = "/v0.1/x/io.mcpgov.registry";

    private RegistryMeta() {
    }
}
