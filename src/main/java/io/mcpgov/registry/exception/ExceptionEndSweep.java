package io.mcpgov.registry.exception;

import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.Shutdown;
import io.mcpgov.registry.outbox.EventTypes;
import io.mcpgov.registry.outbox.GovernanceEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final ExceptionRepository exceptions;
    private final AuditLog audit;
    private final GovernanceEvents events;
    private final ExceptionCoverageRepository coverage;
    private final Shutdown shutdown;

    ExceptionEndSweep(ExceptionRepository exceptions, AuditLog audit, GovernanceEvents events,
            ExceptionCoverageRepository coverage, Shutdown shutdown) {
        this.shutdown = shutdown;
        this.exceptions = exceptions;
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

    int announceBatch() {
        List<ExceptionRepository.Ended> ended = exceptions.markEndAnnounced();
        for (ExceptionRepository.Ended e : ended) {
            UUID id = e.id();
            Map<String, Object> data = Map.of("id", id.toString(), "serverName", e.serverName(), "classification",
                    e.classification(), "state", "expired", "expiresAt", e.expiresAt().toString());
            audit.recordSystem("exception.expired", "exception", id.toString(), Map.of("state", "approved"), data);
            events.changed(EventTypes.EXCEPTION_EXPIRED, e.serverName(), data, coverage.coveredVersionIds(id),
                    "exception.expired");
        }
        return ended.size();
    }

}
