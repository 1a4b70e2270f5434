package io.mcpgov.registry.policy;

import io.mcpgov.registry.common.RegistryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The listing rules in force, turned into the SQL that every read of entries uses. */
@ApplicationScoped
public class ListingGate {

    private final List<ListingRule> rules;

    ListingGate(RegistryConfig config, ApiKeyOnlyRule apiKeyOnly) {
        List<ListingRule> active = new ArrayList<>();
        active.add(apiKeyOnly);
        if (!config.policy().listUnauthenticated()) {
            active.add(new UnauthenticatedRule());
        }
        this.rules = List.copyOf(active);
    }

    public List<ListingRule> rules() {
        return rules;
    }

    /** {@code , (cond) AS hidden_0, ...}: one boolean column per rule, in {@link #rules()} order. */
    public String hiddenColumns() {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < rules.size(); i++) {
            sql.append(", ").append(rules.get(i).hidesWhen()).append(" AS hidden_").append(i);
        }
        return sql.toString();
    }

    /** True for rows no rule hides. */
    public String listedCondition() {
        if (rules.isEmpty()) {
            return "TRUE";
        }
        return rules.stream().map(r -> "NOT " + r.hidesWhen()).collect(Collectors.joining(" AND ", "(", ")"));
    }
}
