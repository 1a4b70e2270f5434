package io.mcpgov.registry.exception;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ExceptionRepository implements PanacheRepositoryBase<ExceptionEntry, UUID> {

    /** Locks the row until the transaction ends, so concurrent decisions on one exception leave one decision. */
    public Optional<ExceptionEntry> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The queue: pending first, then oldest first. {@code teams} null means every team. */
    public List<ExceptionEntry> queue(ExceptionFilter filter, Set<String> teams, int offset, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.storedStates() != null) {
            where.append(" and state in :states");
            params.and("states", filter.storedStates());
        }
        if (filter.ended() != null) {
            where.append(filter.ended() ? " and expiresAt <= :now" : " and expiresAt > :now");
            params.and("now", filter.now());
        }
        if (filter.serverName() != null) {
            where.append(" and serverName = :serverName");
            params.and("serverName", filter.serverName());
        }
        if (filter.classification() != null) {
            where.append(" and classification = :classification");
            params.and("classification", filter.classification());
        }
        if (teams != null) {
            where.append(" and owningTeam in :teams");
            params.and("teams", teams.isEmpty() ? Set.of("") : teams);
        }
        String order = " order by case when state = 'pending' then 0 else 1 end, requestedAt, id";
        return find(where + order, params).range(offset, offset + limit - 1).list();
    }
}
