package io.mcpgov.registry.decision;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A filter over a decision queue, as a condition in the repositories' query language with its named parameters; the
 * queue ({@link DecisionRepository#page}) lists pending decisions first, then oldest first.
 */
public final class DecisionQuery {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Map<String, Object> params = new HashMap<>();

    public static DecisionQuery all() {
        return new DecisionQuery();
    }

    /** Only decisions in one of these stored states; null: any. */
    public DecisionQuery inStates(Collection<String> states) {
        return states == null ? this : where("state in :states", "states", states);
    }

    /** Only decisions about this server; null: any. */
    public DecisionQuery server(String serverName) {
        return serverName == null ? this : where("serverName = :serverName", "serverName", serverName);
    }

    /** A condition of one kind of decision, in the repository's query language, with its one named parameter. */
    public DecisionQuery where(String condition, String parameter, Object value) {
        where.append(" and ").append(condition);
        params.put(parameter, value);
        return this;
    }

    /** Only decisions of these teams; null: every team. */
    DecisionQuery visibleTo(Set<String> teams) {
        return teams == null ? this : where("owningTeam in :teams", "teams", teams.isEmpty() ? Set.of("") : teams);
    }

    String condition() {
        return where.toString();
    }

    Map<String, Object> parameters() {
        return params;
    }
}
