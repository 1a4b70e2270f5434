package io.mcpgov.registry.tool;

import io.mcpgov.registry.decision.DecisionKind;
import io.mcpgov.registry.decision.Involvement;
import io.mcpgov.registry.events.EventTypes;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Tool reviews in the decision workflow. Party to a review: whoever published the version that queued it, whoever
 * published any version carrying the definition, and the server's owner.
 */
@ApplicationScoped
class ToolReviewDecisions implements DecisionKind<ToolReview, ToolReviewView> {

    static final String TARGET_TYPE = "tool-review";

    private final ToolReviewRepository reviews;

    ToolReviewDecisions(ToolReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Override
    public String targetType() {
        return TARGET_TYPE;
    }

    @Override
    public String noun() {
        return "review";
    }

    @Override
    public PanacheRepositoryBase<ToolReview, UUID> repository() {
        return reviews;
    }

    @Override
    public String notFound() {
        return "Tool review not found.";
    }

    @Override
    public ToolReviewView view(ToolReview review, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("""
                        SELECT sv.version, t.definition::text FROM server_tool t
                        JOIN server_version sv ON sv.id = t.server_version_id
                        WHERE t.server_name = ?1 AND t.name = ?2 AND t.definition_hash = ?3
                        ORDER BY sv.published_at, sv.id""")
                .setParameter(1, review.serverName).setParameter(2, review.toolName)
                .setParameter(3, review.definitionHash).getResultList();
        List<String> versions = rows.stream().map(row -> (String) row[0]).toList();
        String definition = rows.isEmpty() ? null : (String) rows.get(0)[1];
        return ToolReviewView.of(review, versions, definition);
    }

    /** Everyone who published a version of the server that carries this definition. */
    @Override
    @SuppressWarnings("unchecked")
    public List<String> publishers(ToolReview review) {
        return em().createNativeQuery("""
                        SELECT DISTINCT sv.published_by FROM server_tool t
                        JOIN server_version sv ON sv.id = t.server_version_id
                        WHERE t.server_name = ?1 AND t.name = ?2 AND t.definition_hash = ?3""")
                .setParameter(1, review.serverName).setParameter(2, review.toolName)
                .setParameter(3, review.definitionHash).getResultList();
    }

    @Override
    public String describe(Involvement involvement) {
        return switch (involvement) {
            case REQUESTER -> "you published the version that asked for this review";
            case PUBLISHER -> "you published a version that carries this tool";
            case ACCOUNTABLE_OWNER -> "you are the accountable owner of the server that carries this tool";
        };
    }

    @Override
    public String eventType(String outcome) {
        return ReviewState.APPROVED.wire().equals(outcome) ? EventTypes.TOOL_APPROVED : EventTypes.TOOL_WITHDRAWN;
    }

    /** A tool's availability is not a listing: no version changes. */
    @Override
    public List<Long> versionIds(ToolReview review) {
        return List.of();
    }

    @Override
    public String notRevocable() {
        return "Only an approved tool can have its approval revoked.";
    }

    private EntityManager em() {
        return reviews.getEntityManager();
    }
}
