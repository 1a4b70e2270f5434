package io.mcpgov.registry.server;

/**
 * A rule that can keep an entry from being listed to agents. The rule is a SQL condition so that the listing gate
 * is evaluated inside the query that reads entries: expiry and revocation take effect on the next read, and
 * pagination never loses rows to filtering after the query.
 *
 * <p>Rules are CDI beans; every enabled one applies. The condition may use the aliases {@code sv} (the {@code server_version} row) and {@code ex} (the approved,
 * unexpired exception covering it, all columns null when there is none).
 */
public interface ListingRule {

    /** Stable kebab-case id, shown to owners and reviewers as the reason an entry is hidden. */
    String ruleId();

    /** SQL boolean expression that is true when this rule hides the entry. */
    String hidesWhen();

    /** What the rule means and what would lift it, for the people who see hidden entries. */
    String message();

    /** Whether the registry's policy applies this rule at all. */
    default boolean enabled() {
        return true;
    }
}
