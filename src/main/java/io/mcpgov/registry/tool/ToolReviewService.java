package io.mcpgov.registry.tool;

import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.decision.DecisionQuery;
import io.mcpgov.registry.decision.DecisionRequest;
import io.mcpgov.registry.decision.Decisions;
import io.mcpgov.registry.decision.Involvement;
import io.mcpgov.registry.decision.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reviews of destructive and flagged tools: a reviewer who is no party to the definition (did not publish a version
 * carrying it, does not own the server) approves or rejects it with a reason; a reviewer or admin revokes an
 * approval. The workflow is {@link Decisions}'.
 */
@ApplicationScoped
public class ToolReviewService {

    private final Decisions decisions;
    private final ToolReviewDecisions kind;

    ToolReviewService(Decisions decisions, ToolReviewDecisions kind) {
        this.decisions = decisions;
        this.kind = kind;
    }

    @Transactional
    public ToolReviewView approve(UUID id, DecisionRequest body) {
        return decisions.decide(kind, id, body, ReviewState.APPROVED.wire());
    }

    @Transactional
    public ToolReviewView reject(UUID id, DecisionRequest body) {
        return decisions.decide(kind, id, body, ReviewState.REJECTED.wire());
    }

    @Transactional
    public ToolReviewView revoke(UUID id, DecisionRequest body) {
        return decisions.revoke(kind, id, body);
    }

    public ToolReviewView get(UUID id) {
        return decisions.get(kind, id);
    }

    public ToolReviewPage list(ReviewState state, String serverName, int offset, int limit) {
        DecisionQuery query = DecisionQuery.all().server(serverName)
                .inStates(state == null ? null : List.of(state.wire()));
        Page<ToolReviewView> page = decisions.list(kind, query, new PageRequest(offset, limit));
        return ToolReviewPage.of(page);
    }

    /** How the caller is party to a review (empty: not at all), for pages that explain who may decide it. */
    public Set<Involvement> callerInvolvement(UUID id) {
        return decisions.callerInvolvement(kind, id);
    }

    /** What an involvement in a tool review means, addressed to the caller. */
    public String describe(Involvement involvement) {
        return kind.describe(involvement);
    }
}
