package io.mcpgov.registry.ownership;

import io.mcpgov.registry.exception.ExceptionEntry;
import io.mcpgov.registry.exception.ExceptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Flags the exceptions an offboarded person requested or decided that are still in force: pending, or approved and
 * not ended. A flagged approved exception keeps covering its versions (offboarding a reviewer must not break the
 * servers they approved) until it ends, is revoked, or a reviewer resolves the flag; it shows
 * {@code needsNewDecision} until then. A flagged pending one still waits for a reviewer's decision.
 */
@ApplicationScoped
public class ExceptionOffboarding {

    public static final String TARGET_TYPE = "exception";

    private final ExceptionRepository exceptions;

    ExceptionOffboarding(ExceptionRepository exceptions) {
        this.exceptions = exceptions;
    }

    void flag(@Observes SubjectOffboarded offboarded) {
        String subject = offboarded.subject();
        for (ExceptionEntry e : exceptions.list("(requestedBy = ?1 or decidedBy = ?1) and state in ('pending', 'approved')"
                + " and expiresAt > ?2 order by requestedAt, id", subject, offboarded.at())) {
            if (subject.equals(e.requestedBy)) {
                offboarded.flag(TARGET_TYPE, e.id.toString(), e.serverName, DecisionFlag.Role.REQUESTED);
            }
            if (subject.equals(e.decidedBy)) {
                offboarded.flag(TARGET_TYPE, e.id.toString(), e.serverName, DecisionFlag.Role.DECIDED);
            }
        }
    }
}
