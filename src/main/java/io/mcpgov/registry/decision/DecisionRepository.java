package io.mcpgov.registry.decision;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The table of one kind of decision, as the shared workflow ({@link Decisions}) reads and locks it.
 *
 * @param <D> the stored decision
 */
public interface DecisionRepository<D extends Decision> extends PanacheRepositoryBase<D, UUID> {

    /** The decision, its row locked until the transaction ends, so that concurrent decisions leave one. */
    default Optional<D> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A page of the queue that {@code query} selects: pending decisions first, then oldest first. */
    default List<D> page(DecisionQuery query, int offset, int limit) {
        String order = " order by case when state = 'pending' then 0 else 1 end, requestedAt, id";
        return find(query.condition() + order, query.parameters()).range(offset, offset + limit - 1).list();
    }
}
