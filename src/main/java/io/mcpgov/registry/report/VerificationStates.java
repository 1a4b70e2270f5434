package io.mcpgov.registry.report;

/**
 * Where the report reads a server version's verification state. The verification feature provides a bean that
 * replaces {@link UnverifiedStates} (a {@code @DefaultBean}), reading its own column or table.
 */
public interface VerificationStates {

    /** A SQL expression over {@code sv} (a {@code server_version} row) whose value is the state as text. */
    String stateSql();
}
