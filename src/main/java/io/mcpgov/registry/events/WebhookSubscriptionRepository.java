package io.mcpgov.registry.events;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Webhook subscriptions. */
@ApplicationScoped
class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    /** Key of the advisory lock under which a subscription is counted and added (no other lock uses it). */
    private static final long SUBSCRIPTIONS_LOCK = 0x77656268L;

    /** Serialises adding subscriptions until the transaction ends, so that the limit holds. */
    void lockSubscriptions() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, SUBSCRIPTIONS_LOCK)
                .getSingleResult();
    }
}
