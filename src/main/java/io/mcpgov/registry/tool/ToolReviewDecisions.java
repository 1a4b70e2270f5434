package io.mcpgov.registry.tool;

import io.mcpgov.registry.decision.DecisionKind;
import io.mcpgov.registry.decision.DecisionRepository;
import io.mcpgov.registry.decision.Involvement;
import io.mcpgov.registry.outbox.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

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
    public DecisionRepository<ToolReview> repository() {
        return reviews;
    }

    @Override
    public String notFound() {
        return "Tool review not found.";
    }

    @Override
    public ToolReviewView view(ToolReview review, Instant now) {
        List<ToolReviewRepository.Carrier> rows = reviews.carriers(review);
        List<String> versions = rows.stream().map(ToolReviewRepository.Carrier::version).toList();
        String definition = rows.isEmpty() ? null : rows.get(0).definitionJson();
        return ToolReviewView.of(review, versions, definition);
    }

    /** Everyone who published a version of the server that carries this definition. */
    @Override
    public List<String> publishers(ToolReview review) {
        return reviews.publishersOf(review);
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
}
