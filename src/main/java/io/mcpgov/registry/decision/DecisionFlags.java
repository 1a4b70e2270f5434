package io.mcpgov.registry.decision;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Decisions flagged for a new decision because someone who requested or took them was offboarded. */
@ApplicationScoped
public class DecisionFlags implements PanacheRepositoryBase<DecisionFlag, Long> {

    /** Of {@code targetIds}, those with an open flag. */
    public Set<String> openAmong(String targetType, Collection<String> targetIds) {
        if (targetIds.isEmpty()) {
            return Set.of();
        }
        List<String> found = getEntityManager().createQuery("select distinct f.targetId from DecisionFlag f"
                        + " where f.targetType = :type and f.targetId in :ids and f.resolvedAt is null", String.class)
                .setParameter("type", targetType)
                .setParameter("ids", targetIds)
                .getResultList();
        return new HashSet<>(found);
    }

    public List<DecisionFlag> ofSubject(String subject) {
        return list("subject = ?1 order by id", subject);
    }

    public Optional<DecisionFlag> findForUpdate(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Open or resolved ({@code open} null: both), optionally of one target type or subject, in id order. */
    public List<DecisionFlag> search(Boolean open, String targetType, String subject, long afterId, int limit) {
        StringBuilder where = new StringBuilder("id > :after");
        Parameters params = Parameters.with("after", afterId);
        if (open != null) {
            where.append(open ? " and resolvedAt is null" : " and resolvedAt is not null");
        }
        if (targetType != null) {
            where.append(" and targetType = :type");
            params.and("type", targetType);
        }
        if (subject != null) {
            where.append(" and subject = :subject");
            params.and("subject", subject);
        }
        return find(where + " order by id", params).page(0, limit).list();
    }
}
