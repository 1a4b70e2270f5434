package io.mcpgov.registry.exception;

import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.decision.DecisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ExceptionRepository implements DecisionRepository<ExceptionEntry> {

    /** An approved exception that reached its end, as the end sweep announces it. */
    record Ended(UUID id, String serverName, String classification, Instant expiresAt) {
    }

    /** The exceptions {@code subject} requested or decided that are pending or approved and not ended at {@code at}. */
    List<ExceptionEntry> inForceInvolving(String subject, Instant at) {
        return list("(requestedBy = ?1 or decidedBy = ?1)"
                + " and state in ('pending', 'approved') and expiresAt > ?2 order by requestedAt, id", subject, at);
    }

    /** Marks up to 50 ended approved exceptions as announced (skipping those another instance holds); returns them. */
    @SuppressWarnings("unchecked")
    List<Ended> markEndAnnounced() {
        List<Object[]> ended = getEntityManager().createNativeQuery("""
                UPDATE api_key_exception SET end_announced = true
                WHERE id IN (SELECT id FROM api_key_exception
                             WHERE state = 'approved' AND NOT end_announced AND expires_at <= now()
                             ORDER BY expires_at LIMIT 50 FOR UPDATE SKIP LOCKED)
                RETURNING id, server_name, classification, expires_at""").getResultList();
        return ended.stream()
                .map(row -> new Ended((UUID) row[0], (String) row[1], (String) row[2], Times.instant(row[3])))
                .toList();
    }
}
