package io.mcpgov.registry.verification;

/** MCP specification revisions the checks cite, and the marker for the registry's own rules. */
public final class Revisions {

    public static final String R2025_06_18 = "2025-06-18";
    public static final String R2025_11_25 = "2025-11-25";
    public static final String R2026_07_28 = "2026-07-28";
    public static final String REGISTRY = "registry";

    private Revisions() {
    }
}
