package io.mcpgov.registry.tool;

import io.mcpgov.registry.decision.SubjectOffboarded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Flags the tool reviews an offboarded person requested or decided that are still in force: pending, or approved.
 * Like an exception, a flagged approval keeps the tool available until it is revoked or a reviewer resolves the flag.
 */
@ApplicationScoped
class ToolReviewOffboarding {

    private final ToolReviewRepository reviews;

    ToolReviewOffboarding(ToolReviewRepository reviews) {
        this.reviews = reviews;
    }

    void flag(@Observes SubjectOffboarded offboarded) {
        for (ToolReview review : reviews.list("(requestedBy = ?1 or decidedBy = ?1)"
                + " and state in ('pending', 'approved') order by requestedAt, id", offboarded.subject())) {
            offboarded.flagParts(ToolReviewDecisions.TARGET_TYPE, review);
        }
    }
}
