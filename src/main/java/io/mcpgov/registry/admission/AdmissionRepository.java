package io.mcpgov.registry.admission;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class AdmissionRepository implements PanacheRepositoryBase<AdmissionRequest, UUID> {

    public Optional<AdmissionRequest> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The queue: pending first, then oldest first. {@code teams} null means every team. */
    public List<AdmissionRequest> queue(String state, String serverName, Set<String> teams, int offset, int limit) {
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
        return find(where + " order by case when state = 'pending' then 0 else 1 end, requestedAt, id", params)
                .range(offset, offset + limit - 1).list();
    }
}
