package io.mcpgov.registry.security;

/** The registry's roles. Which token values grant them is configuration ({@code registry.security.roles.*}). */
public final class Roles {
    public static final String AGENT = "agent";
    public static final String PUBLISHER = "publisher";
    public static final String REVIEWER = "reviewer";
    public static final String ADMIN = "admin";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
