package io.mcpgov.registry.decision;

import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Violation;

/** Body of every reviewer decision (approve, reject, revoke, admit): the reason is mandatory. */
public record DecisionRequest(String reason) {

    public static final int MAX_REASON = 2000;

    /** The trimmed reason, or a 400 when the body has none. */
    public static String requiredReason(DecisionRequest body) {
        if (body == null || body.reason() == null || body.reason().isBlank() || body.reason().length() > MAX_REASON) {
            throw ProblemException.badRequest("A reason is required.", new Violation("reason-required", "/reason",
                    "reason is required (at most " + MAX_REASON + " characters)"));
        }
        return body.reason().trim();
    }
}
