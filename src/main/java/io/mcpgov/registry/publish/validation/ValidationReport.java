package io.mcpgov.registry.publish.validation;

import io.mcpgov.registry.common.Violation;
import java.util.List;

/** Everything found in one document: errors refuse it, warnings are reported beside an accepted one. */
public record ValidationReport(List<Violation> errors, List<Violation> warnings) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean valid() {
        return errors.isEmpty();
    }
}
