package io.mcpgov.registry.tool;

import io.mcpgov.registry.events.EventTypes;
import io.mcpgov.registry.events.GovernanceEvents;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.exception.DecisionRequest;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.FourEyes;
import io.mcpgov.registry.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reviews of destructive and flagged tools: a reviewer who published no version carrying the definition approves
 * or rejects it with a reason (four eyes); a reviewer or admin revokes an approval. Each decision locks the review
 * row, so concurrent decisions leave one, and is audited in its transaction.
 */
@ApplicationScoped
public class ToolReviewService {

    static final String FOUR_EYES = FourEyes.RULE_ID;
    static final String NOT_PENDING = "tool-review-not-pending";
    static final String NOT_APPROVED = "tool-review-not-approved";
    private static final int MAX_REASON = 2000;

    private final ToolReviewRepository reviews;
    private final AuditLog audit;
    private final Caller caller;
    private final GovernanceEvents events;

    ToolReviewService(ToolReviewRepository reviews, AuditLog audit, Caller caller, GovernanceEvents events) {
        this.events = events;
        this.reviews = reviews;
        this.audit = audit;
        this.caller = caller;
    }

    @Transactional
    public ToolReviewView approve(UUID id, DecisionRequest body) {
        return decide(id, body, ReviewState.APPROVED);
    }

    @Transactional
    public ToolReviewView reject(UUID id, DecisionRequest body) {
        return decide(id, body, ReviewState.REJECTED);
    }

    @Transactional
    public ToolReviewView revoke(UUID id, DecisionRequest body) {
        String reason = DecisionRequest.requiredReason(body);
        ToolReview review = reviews.findForUpdate(id).orElseThrow(ToolReviewService::notFound);
        if (!ReviewState.APPROVED.wire().equals(review.state)) {
            throw ProblemException.conflict("Only an approved tool can have its approval revoked.",
                    new Violation(NOT_APPROVED, "", "The review is " + review.state + "."));
        }
        ToolReviewView before = view(review);
        review.state = ReviewState.REVOKED.wire();
        review.revokedBy = caller.subject();
        review.revokedAt = Times.now();
        review.revocationReason = reason;
        ToolReviewView after = view(review);
        audit.record("tool-review.revoked", "tool-review", id.toString(), before, after);
        events.changed(EventTypes.TOOL_WITHDRAWN, review.serverName, after, List.of(), "tool-review.revoked");
        return after;
    }

    public ToolReviewView get(UUID id) {
        ToolReview review = reviews.findByIdOptional(id).orElseThrow(ToolReviewService::notFound);
        Set<String> teams = visibleTeams();
        if (teams != null && !teams.contains(review.owningTeam)) {
            throw notFound();
        }
        return view(review);
    }

    public ToolReviewPage list(ReviewState state, String serverName, int offset, int limit) {
        List<ToolReview> found = reviews.queue(state == null ? null : state.wire(), serverName, visibleTeams(), offset,
                limit + 1);
        String next = null;
        if (found.size() > limit) {
            found = found.subList(0, limit);
            next = String.valueOf(offset + limit);
        }
        return new ToolReviewPage(found.stream().map(this::view).toList(),
                new ToolReviewPage.Metadata(next, found.size()));
    }

    private ToolReviewView decide(UUID id, DecisionRequest body, ReviewState decision) {
        String reason = DecisionRequest.requiredReason(body);
        ToolReview review = reviews.findForUpdate(id).orElseThrow(ToolReviewService::notFound);
        String me = caller.subject();
        if (me.equals(review.requestedBy) || publishers(review).contains(me)) {
            throw FourEyes.refusal("whoever published a version carrying this tool cannot decide its review; another"
                    + " reviewer must.", "You published a version that carries this tool.");
        }
        if (!ReviewState.PENDING.wire().equals(review.state)) {
            throw ProblemException.conflict("Only a pending review can be decided.",
                    new Violation(NOT_PENDING, "", "The review is " + review.state + "."));
        }
        ToolReviewView before = view(review);
        Instant now = Times.now();
        review.state = decision.wire();
        review.decidedBy = me;
        review.decidedAt = now;
        review.decisionReason = reason;
        review.revokedBy = null;
        review.revokedAt = null;
        review.revocationReason = null;
        ToolReviewView after = view(review);
        String action = decision == ReviewState.APPROVED ? "tool-review.approved" : "tool-review.rejected";
        audit.record(action, "tool-review", id.toString(), before, after);
        events.changed(decision == ReviewState.APPROVED ? EventTypes.TOOL_APPROVED : EventTypes.TOOL_WITHDRAWN,
                review.serverName, after, List.of(), action);
        return after;
    }

    /** Everyone who published a version of the server that carries this definition. */
    @SuppressWarnings("unchecked")
    private List<String> publishers(ToolReview review) {
        return em().createNativeQuery("""
                        SELECT DISTINCT sv.accountable_owner FROM server_tool t
                        JOIN server_version sv ON sv.id = t.server_version_id
                        WHERE t.server_name = ?1 AND t.name = ?2 AND t.definition_hash = ?3""")
                .setParameter(1, review.serverName).setParameter(2, review.toolName)
                .setParameter(3, review.definitionHash).getResultList();
    }

    ToolReviewView view(ToolReview review) {
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

    /** Reviewers, admins and auditors see every review; publishers those of their teams. */
    private Set<String> visibleTeams() {
        if (caller.hasAny(Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR)) {
            return null;
        }
        return caller.teams();
    }


    private static ProblemException notFound() {
        return ProblemException.notFound("Tool review not found.");
    }

    private EntityManager em() {
        return reviews.getEntityManager();
    }
}
