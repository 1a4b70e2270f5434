package io.mcpgov.registry.publish.validation.rules;

import io.mcpgov.registry.common.Violation;
import java.util.ArrayList;
import java.util.List;

/** Where semantic rules put what they find: errors refuse the document, warnings do not. */
public final class Findings {

    private final List<Violation> errors = new ArrayList<>();
    private final List<Violation> warnings = new ArrayList<>();

    public void error(String ruleId, String path, String message) {
        errors.add(new Violation(ruleId, path, message));
    }

    public void warning(String ruleId, String path, String message) {
        warnings.add(new Violation(ruleId, path, message));
    }

    public List<Violation> errors() {
        return errors;
    }

    public List<Violation> warnings() {
        return warnings;
    }
}
