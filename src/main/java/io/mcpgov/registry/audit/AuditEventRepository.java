package io.mcpgov.registry.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AuditEventRepository implements PanacheRepositoryBase<AuditEvent, Long> {

    /** Events matching the filter, in id order after the cursor. */
    public List<AuditEvent> search(AuditFilter filter, long afterId, int limit) {
        StringBuilder where = new StringBuilder("id > :after");
        Parameters params = Parameters.with("after", afterId);
        if (filter.from() != null) {
            where.append(" and occurredAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and occurredAt < :to");
            params.and("to", filter.to());
        }
        if (filter.actor() != null) {
            where.append(" and actorSubject = :actor");
            params.and("actor", filter.actor());
        }
        if (filter.action() != null) {
            where.append(" and action = :action");
            params.and("action", filter.action());
        }
        if (filter.targetType() != null) {
            where.append(" and targetType = :targetType");
            params.and("targetType", filter.targetType());
        }
        if (filter.targetId() != null) {
            where.append(" and targetId = :targetId");
            params.and("targetId", filter.targetId());
        }
        return find(where + " order by id", params).page(0, limit).list();
    }
}
