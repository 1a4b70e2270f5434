package io.mcpgov.registry.security;

import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Violation;
import java.util.List;

/** The four-eyes rule: whoever asked for a decision (or published what is decided) cannot take it. */
public final class FourEyes {

    public static final String RULE_ID = "four-eyes";

    private FourEyes() {
    }

    /** @param detail who may decide instead; @param why what ties the caller to the request */
    public static ProblemException refusal(String detail, String why) {
        return new ProblemException(403, "Forbidden", "Four eyes: " + detail, List.of(new Violation(RULE_ID, "", why)));
    }
}
