package io.mcpgov.registry.events;

import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.namespace.NamespaceService;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.verification.VerificationConfig;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Admins subscribe receivers to governance events, see how deliveries went, and replay failed ones. */
@ApplicationScoped
public class WebhookService implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Key of the advisory lock under which a subscription is counted and added (no other lock uses it). */
    private static final long SUBSCRIPTIONS_LOCK = 0x77656268L;

    private final AuditLog audit;
    private final Caller caller;
    private final boolean allowHttpLoopback;
    private final WebhookDispatcher dispatcher;
    private final int maxWebhooks;

    WebhookService(AuditLog audit, Caller caller, VerificationConfig verification, WebhookDispatcher dispatcher,
            EventsConfig config) {
        this.audit = audit;
        this.caller = caller;
        this.allowHttpLoopback = verification.allowHttpLoopback();
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
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, SUBSCRIPTIONS_LOCK)
                .getSingleResult();
        if (count() >= maxWebhooks) {
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
        persist(s);
        WebhookView view = WebhookView.of(s, null, Map.of());
        audit.record("webhook.created", "webhook", s.id.toString(), null, view);
        return WebhookView.of(s, s.secret, Map.of());
    }

    public List<WebhookView> list() {
        Map<UUID, Map<String, Long>> counts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "SELECT subscription_id, state, count(*) FROM webhook_delivery GROUP BY subscription_id, state").getResultList();
        for (Object[] r : rows) {
            counts.computeIfAbsent((UUID) r[0], k -> new LinkedHashMap<>()).put((String) r[1], ((Number) r[2]).longValue());
        }
        return listAll().stream().sorted((a, b) -> a.createdAt.compareTo(b.createdAt))
                .map(s -> WebhookView.of(s, null, counts.getOrDefault(s.id, Map.of()))).toList();
    }

    @Transactional
    public void delete(UUID id) {
        WebhookSubscription s = findByIdOptional(id).orElseThrow(WebhookService::notFound);
        WebhookView before = WebhookView.of(s, null, Map.of());
        delete(s);
        audit.record("webhook.deleted", "webhook", id.toString(), before, null);
    }

    @SuppressWarnings("unchecked")
    public List<DeliveryView> deliveries(UUID id, String state, long afterSequence, int limit) {
        findByIdOptional(id).orElseThrow(WebhookService::notFound);
        List<Object[]> rows = getEntityManager().createNativeQuery("""
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

    /** Puts failed deliveries (all of the subscription's, or one) back in line. */
    @Transactional
    public int replay(UUID id, Long sequence) {
        findByIdOptional(id).orElseThrow(WebhookService::notFound);
        int count = getEntityManager().createNativeQuery("""
                UPDATE webhook_delivery SET state = 'pending', attempts = 0, next_attempt_at = now()
                WHERE subscription_id = ?1 AND state = 'failed' AND (?2 < 0 OR event_id = ?2)""")
                .setParameter(1, id).setParameter(2, sequence == null ? -1L : sequence).executeUpdate();
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
