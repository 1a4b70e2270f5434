package io.mcpgov.registry.server;

/**
 * Adds one member to the registry's {@code _meta} view of every entry, computed inside the read query so that a
 * page is still one SQL statement. Implementations are CDI beans.
 */
public interface RowExtension {

    /** The member's name under {@code _meta["io.mcpgov.registry/governance"]}. */
    String key();

    /**
     * A SQL expression over {@code sv} (the {@code server_version} row) and {@code ex} (its covering exception)
     * whose value is JSON (json, jsonb or text holding JSON), or null to leave the member out.
     */
    String sql();
}
