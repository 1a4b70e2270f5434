package io.mcpgov.registry.review;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Access review campaigns. */
@ApplicationScoped
class ReviewCampaignRepository implements PanacheRepositoryBase<ReviewCampaign, UUID> {

    /** Serialises starting campaigns until the transaction ends: overlapping ones would each mark items current. */
    void lockCampaignStarts() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(1635083380, 2)").getSingleResult();
    }

    /** The newest campaigns first, at most {@code limit}. */
    List<ReviewCampaign> newest(int limit) {
        return getEntityManager().createQuery("from ReviewCampaign order by createdAt desc, id", ReviewCampaign.class)
                .setMaxResults(limit).getResultList();
    }
}
