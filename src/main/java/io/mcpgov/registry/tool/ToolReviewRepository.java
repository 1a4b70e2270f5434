package io.mcpgov.registry.tool;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ToolReviewRepository implements PanacheRepositoryBase<ToolReview, UUID> {

    /** Locks the row until the transaction ends, so concurrent decisions on one review leave one decision. */
    public Optional<ToolReview> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The review of one definition, locked: a publish that re-queues it waits for a decision in flight. */
    public Optional<ToolReview> findDefinitionForUpdate(String serverName, String toolName, String definitionHash) {
        return find("serverName = ?1 and toolName = ?2 and definitionHash = ?3", serverName, toolName, definitionHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** The queue: pending first, then oldest first. {@code teams} null means every team. */
    public List<ToolReview> queue(String state, String serverName, Set<String> teams, int offset, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (state != null) {
            where.append(" and state = :state");
            params.and("state", state);
        }
        if (serverName != null) {
            where.append(" and serverName = :serverName");
            params.and("serverName", serverName);
        }
        if (teams != null) {
            where.append(" and owningTeam in :teams");
            params.and("teams", teams.isEmpty() ? Set.of("") : teams);
        }
        String order = " order by case when state = 'pending' then 0 else 1 end, requestedAt, id";
        return find(where + order, params).range(offset, offset + limit - 1).list();
    }
}
