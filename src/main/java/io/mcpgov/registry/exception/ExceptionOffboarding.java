package io.mcpgov.registry.exception;

import io.mcpgov.registry.decision.SubjectOffboarded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Flags the exceptions an offboarded person requested or decided that are still in force: pending, or approved and
 * not ended. A flagged approved exception keeps covering its versions (offboarding a reviewer must not break the
 * servers they approved) until it ends, is revoked, or a reviewer resolves the flag; it shows
 * {@code needsNewDecision} until then. A flagged pending one still waits for a reviewer's decision.
 */
@ApplicationScoped
class ExceptionOffboarding {

    private final ExceptionRepository exceptions;

    ExceptionOffboarding(ExceptionRepository exceptions) {
        this.exceptions = exceptions;
    }

    void flag(@Observes SubjectOffboarded offboarded) {
        for (ExceptionEntry e : exceptions.list("(requestedBy = ?1 or decidedBy = ?1)"
                + " and state in ('pending', 'approved') and expiresAt > ?2 order by requestedAt, id",
                offboarded.subject(), offboarded.at())) {
            offboarded.flagParts(ExceptionDecisions.TARGET_TYPE, e);
        }
    }
}
