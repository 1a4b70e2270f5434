package io.mcpgov.registry.events;

import io.mcpgov.registry.common.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Deliveries of governance events to webhook subscriptions (table {@code webhook_delivery}). */
@ApplicationScoped
class WebhookDeliveryRepository {

    /** A delivery claimed for sending. */
    record Claim(UUID subscriptionId, long eventId, int attempts) {
    }

    private final EntityManager em;

    WebhookDeliveryRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims up to {@code limit} due deliveries of active subscriptions (skipping rows another instance holds), the
     * oldest of each subscription and subject first, by moving their next attempt {@code leaseSeconds} ahead; in
     * event order.
     */
    @SuppressWarnings("unchecked")
    List<Claim> claim(long leaseSeconds, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                UPDATE webhook_delivery d SET next_attempt_at = now() + make_interval(secs => ?1)
                FROM (SELECT d1.subscription_id, d1.event_id FROM webhook_delivery d1
                      JOIN webhook_subscription s ON s.id = d1.subscription_id AND s.active
                      WHERE d1.state = 'pending' AND d1.next_attempt_at <= now()
                        AND NOT EXISTS (SELECT 1 FROM webhook_delivery d0
                                        WHERE d0.subscription_id = d1.subscription_id AND d0.state = 'pending'
                                          AND d0.subject IS NOT DISTINCT FROM d1.subject AND d0.event_id < d1.event_id)
                      ORDER BY d1.event_id LIMIT ?2 FOR UPDATE OF d1 SKIP LOCKED) c
                WHERE d.subscription_id = c.subscription_id AND d.event_id = c.event_id
                RETURNING d.subscription_id, d.event_id, d.attempts""")
                .setParameter(1, (double) leaseSeconds)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(r -> new Claim((UUID) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).intValue()))
                .sorted((a, b) -> Long.compare(a.eventId(), b.eventId())).toList();
    }

    void delivered(Claim claim, int attempts, int status) {
        em.createNativeQuery("""
                UPDATE webhook_delivery SET state = 'delivered', attempts = ?3, last_status = ?4, last_error = NULL,
                delivered_at = now() WHERE subscription_id = ?1 AND event_id = ?2""")
                .setParameter(1, claim.subscriptionId()).setParameter(2, claim.eventId()).setParameter(3, attempts)
                .setParameter(4, status).executeUpdate();
    }

    /** A failed attempt: the delivery waits {@code retrySeconds} for the next, or has {@code state} failed. */
    void failed(Claim claim, String state, int attempts, Integer status, String error, double retrySeconds) {
        em.createNativeQuery("""
                UPDATE webhook_delivery SET state = ?3, attempts = ?4, last_status = CAST(?5 AS integer), last_error = CAST(?6 AS text),
                next_attempt_at = now() + make_interval(secs => ?7) WHERE subscription_id = ?1 AND event_id = ?2""")
                .setParameter(1, claim.subscriptionId()).setParameter(2, claim.eventId())
                .setParameter(3, state).setParameter(4, attempts)
                .setParameter(5, status).setParameter(6, error)
                .setParameter(7, retrySeconds)
                .executeUpdate();
    }

    /** How many deliveries each subscription has in each state. */
    Map<UUID, Map<String, Long>> countsByState() {
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT subscription_id, state, count(*) FROM webhook_delivery GROUP BY subscription_id, state").getResultList();
        for (Object[] r : rows) {
            counts.computeIfAbsent((UUID) r[0], k -> new LinkedHashMap<>()).put((String) r[1], ((Number) r[2]).longValue());
        }
        return counts;
    }

    /** A page of a subscription's deliveries after {@code afterSequence}, in event order; {@code state} null: any. */
    @SuppressWarnings("unchecked")
    List<DeliveryView> deliveries(UUID id, String state, long afterSequence, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT d.event_id, e.event_id::text, e.type, d.subject, d.state, d.attempts, d.next_attempt_at,
                       d.last_status, d.last_error, d.delivered_at
                FROM webhook_delivery d JOIN governance_event e ON e.id = d.event_id
                WHERE d.subscription_id = ?1 AND d.event_id > ?2 AND (?3 = '' OR d.state = ?3)
                ORDER BY d.event_id LIMIT ?4""")
                .setParameter(1, id).setParameter(2, afterSequence).setParameter(3, state == null ? "" : state)
                .setParameter(4, limit).getResultList();
        return rows.stream().map(r -> new DeliveryView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], ((Number) r[5]).intValue(), Times.instant(r[6]),
                r[7] == null ? null : ((Number) r[7]).intValue(), (String) r[8], Times.instant(r[9]))).toList();
    }

    /** Puts a subscription's failed deliveries (all, or the one of {@code sequence}) back in line; how many. */
    int replayFailed(UUID id, Long sequence) {
        return em.createNativeQuery("""
                UPDATE webhook_delivery SET state = 'pending', attempts = 0, next_attempt_at = now()
                WHERE subscription_id = ?1 AND state = 'failed' AND (?2 < 0 OR event_id = ?2)""")
                .setParameter(1, id).setParameter(2, sequence == null ? -1L : sequence).executeUpdate();
    }
}
