package io.mcpgov.registry.publish;

import io.mcpgov.registry.common.Violation;
import java.util.List;

/** Result of POST /validate: the official {@code {valid, issues}} shape, each issue with its rule id. */
public record ValidateResponse(boolean valid, List<Issue> issues) {

    public record Issue(String ruleId, String path, String message, String severity) {
        static Issue of(Violation v, String severity) {
            return new Issue(v.ruleId(), v.path(), v.message(), severity);
        }
    }
}
