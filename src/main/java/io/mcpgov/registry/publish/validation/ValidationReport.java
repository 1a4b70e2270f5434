package io.mcpgov.registry.publish.validation;

// TEMPORARY STUB (replaced by the validation branch)
import io.mcpgov.registry.common.Violation;
import java.util.List;

public record ValidationReport(List<Violation> errors, List<Violation> warnings) {
}
