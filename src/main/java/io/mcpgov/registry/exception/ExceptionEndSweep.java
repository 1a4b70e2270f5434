package io.mcpgov.registry.exception;

import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.Shutdown;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.events.EventTypes;
import io.mcpgov.registry.events.GovernanceEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Announces approved exceptions that reached their end, shortly after the moment passes: an audit event by the
 * registry, {@code exception.expired}, and the listing changes of the versions they covered. The listing gate itself
 * never waits for this sweep; it only tells the systems downstream. Instances share the work.
 */
@ApplicationScoped
class ExceptionEndSweep {

    private final EntityManager em;
    private final AuditLog audit;
    private final GovernanceEvents events;
    private final ExceptionCoverage coverage;
    private final Shutdown shutdown;

    ExceptionEndSweep(EntityManager em, AuditLog audit, GovernanceEvents events, ExceptionCoverage coverage,
            Shutdown shutdown) {
        this.shutdown = shutdown;
        this.em = em;
        this.audit = audit;
        this.events = events;
        this.coverage = coverage;
    }

    @Scheduled(every = "${registry.events.expiry-sweep-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        // what a stop leaves unannounced, the next sweep (of any instance) announces
        shutdown.runUnlessStopped("Exception end sweep", () -> {
            while (!shutdown.started() && QuarkusTransaction.requiringNew().call(this::announceBatch) > 0) {
                // until every ended exception is announced
            }
        });
    }

    @SuppressWarnings("unchecked")
    int announceBatch() {
        List<Object[]> ended = em.createNativeQuery("""
                UPDATE api_key_exception SET end_announced = true
                WHERE id IN (SELECT id FROM api_key_exception
                             WHERE state = 'approved' AND NOT end_announced AND expires_at <= now()
                             ORDER BY expires_at LIMIT 50 FOR UPDATE SKIP LOCKED)
                RETURNING id, server_name, classification, expires_at""").getResultList();
        for (Object[] row : ended) {
            UUID id = (UUID) row[0];
            Map<String, Object> data = Map.of("id", id.toString(), "serverName", row[1], "classification", row[2],
                    "state", "expired", "expiresAt", Times.instant(row[3]).toString());
            audit.recordSystem("exception.expired", "exception", id.toString(), Map.of("state", "approved"), data);
            events.changed(EventTypes.EXCEPTION_EXPIRED, (String) row[1], data, coverage.coveredVersionIds(id),
                    "exception.expired");
        }
        return ended.size();
    }

}
