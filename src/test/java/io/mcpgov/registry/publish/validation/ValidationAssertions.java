package io.mcpgov.registry.publish.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Violation;
import java.util.List;

/** Runs the validator and asserts on rule ids and paths. */
public final class ValidationAssertions {

    private static final ServerJsonValidator PRODUCTION = new ServerJsonValidator(ValidationSettings.production());
    private static final ServerJsonValidator DEVELOPMENT = new ServerJsonValidator(ValidationSettings.development());

    private ValidationAssertions() {
    }

    public static ValidationReport validate(JsonNode doc) {
        return PRODUCTION.validate(doc);
    }

    public static ValidationReport validateForDevelopment(JsonNode doc) {
        return DEVELOPMENT.validate(doc);
    }

    public static void assertValid(ValidationReport report) {
        assertTrue(report.valid(), () -> "expected no errors, got " + report.errors());
    }

    public static void assertError(ValidationReport report, String ruleId, String path) {
        assertTrue(has(report.errors(), ruleId, path), () -> "expected error " + ruleId + " at " + path + ", got "
                + report.errors());
    }

    public static void assertNoError(ValidationReport report, String ruleId, String path) {
        assertFalse(report.errors().stream().anyMatch(v -> v.ruleId().equals(ruleId) && v.path().equals(path)),
                () -> "expected no " + ruleId + " at " + path + ", got " + report.errors());
    }

    public static void assertNoError(ValidationReport report, String ruleId) {
        assertFalse(report.errors().stream().anyMatch(v -> v.ruleId().equals(ruleId)),
                () -> "expected no " + ruleId + ", got " + report.errors());
    }

    public static void assertWarning(ValidationReport report, String ruleId, String path) {
        assertTrue(has(report.warnings(), ruleId, path), () -> "expected warning " + ruleId + " at " + path
                + ", got " + report.warnings());
    }

    public static void assertNoWarning(ValidationReport report, String ruleId) {
        assertFalse(report.warnings().stream().anyMatch(v -> v.ruleId().equals(ruleId)),
                () -> "expected no warning " + ruleId + ", got " + report.warnings());
    }

    private static boolean has(List<Violation> violations, String ruleId, String path) {
        return violations.stream().anyMatch(v -> v.ruleId().equals(ruleId) && v.path().equals(path));
    }
}
