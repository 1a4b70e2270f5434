package io.mcpgov.registry.events;

import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.namespace.NamespaceService;
import io.mcpgov.registry.outbound.OutboundConfig;
import io.mcpgov.registry.outbox.EventTypes;
import io.mcpgov.registry.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Admins subscribe receivers to governance events, see how deliveries went, and replay failed ones. */
@ApplicationScoped
public class WebhookService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final AuditLog audit;
    private final Caller caller;
    private final boolean allowHttpLoopback;
    private final WebhookDispatcher dispatcher;
    private final int maxWebhooks;

    WebhookService(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries, AuditLog audit,
            Caller caller, OutboundConfig outbound, WebhookDispatcher dispatcher, EventsConfig config) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.audit = audit;
        this.caller = caller;
        this.allowHttpLoopback = outbound.allowHttpLoopback();
        this.dispatcher = dispatcher;
        this.maxWebhooks = config.maxWebhooks();
    }

    @Transactional
    public WebhookView create(WebhookRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body is required.", new Violation("body-required", "", "empty body"));
        }
        List<Violation> errors = new ArrayList<>();
        String url = request.url() == null ? null : request.url().trim();
        if (url == null || url.isEmpty()) {
            errors.add(invalidUrl());
        } else {
            // the guard every delivery passes, so a receiver it would refuse is refused now
            dispatcher.refusal(url).ifPresent(refusal -> errors.add(
                    refusal.ofForm() ? invalidUrl()
                            : new Violation(refusal.ruleId(), "/url", "deliveries to this URL would be refused: "
                                    + refusal.message())));
        }
        List<String> types = request.types() == null ? List.of() : request.types();
        for (int i = 0; i < types.size(); i++) {
            if (!EventTypes.ALL.contains(types.get(i))) {
                errors.add(new Violation("webhook-type-unknown", "/types/" + i, "unknown event type; known: "
                        + String.join(", ", EventTypes.ALL)));
            }
        }
        List<String> namespaces = request.namespaces() == null ? List.of() : request.namespaces();
        for (int i = 0; i < namespaces.size(); i++) {
            if (namespaces.get(i) == null || !NamespaceService.isNamespace(namespaces.get(i))) {
                errors.add(new Violation("namespace-format", "/namespaces/" + i, "a namespace is reverse-DNS in lower case"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable("The subscription was refused.", errors);
        }
        subscriptions.lockSubscriptions();
        if (subscriptions.count() >= maxWebhooks) {
            throw ProblemException.conflict("The registry keeps at most " + maxWebhooks + " subscriptions"
                    + " (registry.events.max-webhooks); remove one first.", new Violation("webhook-limit-reached", "",
                    "There are " + maxWebhooks + " subscriptions already."));
        }
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.url = url;
        s.secret = newSecret();
        s.types = types.toArray(String[]::new);
        s.namespaces = namespaces.toArray(String[]::new);
        s.createdBy = caller.subject();
        s.createdAt = Times.now();
        s.active = true;
        subscriptions.persist(s);
        WebhookView view = WebhookView.of(s, null, Map.of());
        audit.record("webhook.created", "webhook", s.id.toString(), null, view);
        return WebhookView.of(s, s.secret, Map.of());
    }

    public List<WebhookView> list() {
        Map<UUID, Map<String, Long>> counts = deliveries.countsByState();
        return subscriptions.listAll().stream().sorted((a, b) -> a.createdAt.compareTo(b.createdAt))
                .map(s -> WebhookView.of(s, null, counts.getOrDefault(s.id, Map.of()))).toList();
    }

    @Transactional
    public void delete(UUID id) {
        WebhookSubscription s = subscriptions.findByIdOptional(id).orElseThrow(WebhookService::notFound);
        WebhookView before = WebhookView.of(s, null, Map.of());
        subscriptions.delete(s);
        audit.record("webhook.deleted", "webhook", id.toString(), before, null);
    }

    public List<DeliveryView> deliveries(UUID id, String state, long afterSequence, int limit) {
        subscriptions.findByIdOptional(id).orElseThrow(WebhookService::notFound);
        return deliveries.deliveries(id, state, afterSequence, limit);
    }

    /** Puts failed deliveries (all of the subscription's, or one) back in line. */
    @Transactional
    public int replay(UUID id, Long sequence) {
        subscriptions.findByIdOptional(id).orElseThrow(WebhookService::notFound);
        int count = deliveries.replayFailed(id, sequence);
        audit.record("webhook.replayed", "webhook", id.toString(), null,
                Map.of("deliveries", count, "sequence", sequence == null ? "all failed" : sequence));
        return count;
    }

    private Violation invalidUrl() {
        return new Violation("webhook-url-invalid", "/url", "url must be an https URL with a host"
                + (allowHttpLoopback ? " (or http on loopback, in development)" : ""));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }


    private static ProblemException notFound() {
        return ProblemException.notFound("Subscription not found.");
    }
}
