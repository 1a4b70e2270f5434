package io.mcpgov.registry.decision;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/** A filter over a decision queue; the queue lists pending decisions first, then oldest first. */
public final class DecisionQuery {

    private final StringBuilder where = new StringBuilder("1 = 1");
    private final Parameters params = new Parameters();

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
        params.and(parameter, value);
        return this;
    }

    /** Only decisions of these teams; null: every team. */
    DecisionQuery visibleTo(Set<String> teams) {
        return teams == null ? this : where("owningTeam in :teams", "teams", teams.isEmpty() ? Set.of("") : teams);
    }

    <D> List<D> page(PanacheRepositoryBase<D, ?> repository, int offset, int limit) {
        String order = " order by case when state = 'pending' then 0 else 1 end, requestedAt, id";
        return repository.find(where + order, params).range(offset, offset + limit - 1).list();
    }
}
