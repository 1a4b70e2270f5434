package io.mcpgov.registry.server;

import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** The listing rules in force (every enabled {@link ListingRule} bean), turned into the SQL every read of entries uses. */
@ApplicationScoped
public class ListingGate {

    private final List<ListingRule> rules;

    ListingGate(@All List<ListingRule> all) {
        this.rules = all.stream()
                .filter(ListingRule::enabled)
                .sorted(Comparator.comparing(ListingRule::ruleId))
                .toList();
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
