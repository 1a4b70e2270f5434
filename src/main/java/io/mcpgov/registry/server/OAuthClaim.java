package io.mcpgov.registry.server;

/**
 * Whether an entry's declared OAuth counts as a way in, as SQL over {@code sv}: it does unless something the registry
 * observed refutes it. Listing rules that weigh OAuth against other ways in ask this bean, so that a claim refuted by
 * verification falls under the same rules as no claim at all. A feature that can refute claims provides the bean;
 * without one, every declared claim counts ({@link UnrefutedOAuthClaim}).
 */
public interface OAuthClaim {

    /** True when the claim is refuted. */
    String refutedSql();

    /** True when the entry declares OAuth and the claim is not refuted. */
    default String holdsSql() {
        return "(sv.has_oauth AND NOT " + refutedSql() + ")";
    }
}
