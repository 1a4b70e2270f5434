package io.mcpgov.registry.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.Shutdown;
import io.mcpgov.registry.verification.FetchRequest;
import io.mcpgov.registry.verification.FetchResult;
import io.mcpgov.registry.verification.FetchSettings;
import io.mcpgov.registry.verification.SafeFetcher;
import io.mcpgov.registry.verification.VerificationConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Delivers governance events to webhook subscribers: at least once, in order per server for each subscriber,
 * retried with exponential backoff, signed, and through the same SSRF guard as verification probes (no redirects).
 * Instances share the work: a delivery is claimed with a lease before it is sent.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final EventsConfig config;
    private final SafeFetcher fetcher;
    private final ExecutorService wakeups = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "webhook-dispatch");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final Shutdown shutdown;
    /** Held by the delivery pass under way: one at a time. */
    private final ReentrantLock pass = new ReentrantLock();

    WebhookDispatcher(EntityManager em, ObjectMapper json, EventsConfig config, VerificationConfig verification, Vertx vertx,
            Shutdown shutdown) {
        this.em = em;
        this.shutdown = shutdown;
        this.json = json;
        this.config = config;
        this.fetcher = new SafeFetcher(vertx, FetchSettings.defaults()
                .withAllowHttpLoopback(verification.allowHttpLoopback())
                .withMaxRedirects(0)
                .withMaxBodyBytes(4096)
                .withTimeouts(verification.connectTimeout(), config.requestTimeout()));
    }

    /**
     * Lets the pass under way end (it stops before its next delivery) before the database and the transaction
     * manager close; the deliveries it claimed and did not send are sent again when their lease ends.
     */
    void drain(@Observes ShutdownEvent event) throws InterruptedException {
        wakeups.shutdown();
        if (pass.tryLock(config.requestTimeout().toMillis() + 2000, TimeUnit.MILLISECONDS)) {
            pass.unlock();
        }
    }

    /**
     * What the delivery guard says about a receiver's URL now ({@link SafeFetcher#refusal}): the same guard, with the
     * same settings, that every delivery passes.
     */
    Optional<SafeFetcher.Refusal> refusal(String url) {
        return fetcher.refusal(url);
    }

    @PreDestroy
    void close() {
        wakeups.shutdownNow();
        fetcher.close();
    }

    /** Right after a change commits, start delivering its events (coalesced: one pass queued at a time). */
    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsWritten written) {
        if (wakeQueued.compareAndSet(false, true)) {
            wakeups.execute(() -> {
                wakeQueued.set(false);
                dispatch();
            });
        }
    }

    @Scheduled(every = "${registry.events.dispatch-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        dispatch();
    }

    /** Sends every due delivery, batch after batch; once the application stops, no further one. */
    public void dispatch() {
        pass.lock();
        try {
            List<Claim> batch;
            do {
                if (shutdown.started()) {
                    return;
                }
                batch = QuarkusTransaction.requiringNew().call(this::claim);
                for (Claim claim : batch) {
                    if (shutdown.started()) {
                        return;
                    }
                    send(claim);
                }
            } while (batch.size() == config.batchSize());
        } catch (RuntimeException e) {
            if (shutdown.started()) {
                // claimed deliveries are sent again when their lease ends, by the next start or another instance
                LOG.debugf("Webhook delivery pass cut short by the stop: %s", e.getMessage());
                return;
            }
            LOG.warnf("Webhook delivery pass failed (%s); the next pass retries", e.getMessage());
        } finally {
            pass.unlock();
        }
    }

    @SuppressWarnings("unchecked")
    private List<Claim> claim() {
        long leaseSeconds = config.requestTimeout().toSeconds() + 5;
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
                .setParameter(2, config.batchSize())
                .getResultList();
        return rows.stream().map(r -> new Claim((UUID) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).intValue()))
                .sorted((a, b) -> Long.compare(a.eventId(), b.eventId())).toList();
    }

    private void send(Claim claim) {
        Delivery delivery = QuarkusTransaction.requiringNew().call(() -> load(claim));
        if (delivery == null) {
            return;
        }
        long timestamp = Instant.now().getEpochSecond();
        FetchRequest request = FetchRequest.post(delivery.url(), Map.of(
                "Content-Type", "application/cloudevents+json",
                "webhook-id", delivery.id(),
                "webhook-timestamp", String.valueOf(timestamp),
                "webhook-signature", WebhookSignature.sign(delivery.secret(), delivery.id(), timestamp, delivery.body())),
                delivery.body());
        FetchResult result = fetcher.fetchAndWait(request, config.requestTimeout());
        boolean delivered = result.failure() == null && result.status() >= 200 && result.status() < 300;
        String error = delivered ? null : result.failure() != null ? result.failure().id() + ": " + result.message()
                : "HTTP " + result.status();
        QuarkusTransaction.requiringNew().run(() -> record(claim, delivered, result.status(), error));
    }

    private Delivery load(Claim claim) {
        WebhookSubscription s = em.find(WebhookSubscription.class, claim.subscriptionId());
        GovernanceEvent event = em.find(GovernanceEvent.class, claim.eventId());
        if (s == null || event == null) {
            return null;
        }
        try {
            String body = json.writeValueAsString(CloudEvent.of(event, config.source()));
            return new Delivery(s.url, s.secret, event.eventId.toString(), body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event could not be serialised", e);
        }
    }

    private void record(Claim claim, boolean delivered, int status, String error) {
        int attempts = claim.attempts() + 1;
        if (delivered) {
            em.createNativeQuery("""
                    UPDATE webhook_delivery SET state = 'delivered', attempts = ?3, last_status = ?4, last_error = NULL,
                    delivered_at = now() WHERE subscription_id = ?1 AND event_id = ?2""")
                    .setParameter(1, claim.subscriptionId()).setParameter(2, claim.eventId()).setParameter(3, attempts)
                    .setParameter(4, status).executeUpdate();
            return;
        }
        boolean givenUp = attempts >= config.maxAttempts();
        em.createNativeQuery("""
                UPDATE webhook_delivery SET state = ?3, attempts = ?4, last_status = CAST(?5 AS integer), last_error = CAST(?6 AS text),
                next_attempt_at = now() + make_interval(secs => ?7) WHERE subscription_id = ?1 AND event_id = ?2""")
                .setParameter(1, claim.subscriptionId()).setParameter(2, claim.eventId())
                .setParameter(3, givenUp ? "failed" : "pending").setParameter(4, attempts)
                .setParameter(5, status == 0 ? null : status).setParameter(6, error)
                .setParameter(7, (double) backoff(attempts).toMillis() / 1000)
                .executeUpdate();
    }

    Duration backoff(int attempts) {
        Duration wait = config.backoffBase().multipliedBy(1L << Math.min(attempts - 1, 30));
        return wait.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : wait;
    }

    private record Claim(UUID subscriptionId, long eventId, int attempts) {
    }

    private record Delivery(String url, String secret, String id, String body) {
    }
}
