package io.mcpgov.registry.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.Shutdown;
import io.mcpgov.registry.events.WebhookDeliveryRepository.Claim;
import io.mcpgov.registry.outbound.FetchRequest;
import io.mcpgov.registry.outbound.FetchResult;
import io.mcpgov.registry.outbound.FetchSettings;
import io.mcpgov.registry.outbound.OutboundConfig;
import io.mcpgov.registry.outbound.SafeFetcher;
import io.mcpgov.registry.outbox.EventsWritten;
import io.mcpgov.registry.outbox.GovernanceEvent;
import io.mcpgov.registry.outbox.GovernanceEventRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    private final WebhookDeliveryRepository deliveries;
    private final WebhookSubscriptionRepository subscriptions;
    private final GovernanceEventRepository events;
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

    WebhookDispatcher(WebhookDeliveryRepository deliveries, WebhookSubscriptionRepository subscriptions,
            GovernanceEventRepository events, ObjectMapper json, EventsConfig config, OutboundConfig outbound,
            Vertx vertx, Shutdown shutdown) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.events = events;
        this.shutdown = shutdown;
        this.json = json;
        this.config = config;
        this.fetcher = new SafeFetcher(vertx, FetchSettings.of(outbound)
                .withMaxRedirects(0)
                .withMaxBodyBytes(4096)
                .withTotalTimeout(config.requestTimeout()));
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

    private List<Claim> claim() {
        long leaseSeconds = config.requestTimeout().toSeconds() + 5;
        return deliveries.claim(leaseSeconds, config.batchSize());
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
        WebhookSubscription s = subscriptions.findById(claim.subscriptionId());
        GovernanceEvent event = events.findById(claim.eventId());
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
            deliveries.delivered(claim, attempts, status);
            return;
        }
        boolean givenUp = attempts >= config.maxAttempts();
        deliveries.failed(claim, givenUp ? "failed" : "pending", attempts, status == 0 ? null : status, error,
                (double) backoff(attempts).toMillis() / 1000);
    }

    Duration backoff(int attempts) {
        Duration wait = config.backoffBase().multipliedBy(1L << Math.min(attempts - 1, 30));
        return wait.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : wait;
    }

    private record Delivery(String url, String secret, String id, String body) {
    }
}
