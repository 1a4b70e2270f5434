package io.mcpgov.registry.publish.validation;

// TEMPORARY STUB (replaced by the validation branch)
import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Violation;
import java.util.ArrayList;
import java.util.List;

public class ServerJsonValidator {
    public ServerJsonValidator(ValidationSettings s) {
    }
    public ValidationReport validate(JsonNode doc) {
        List<Violation> errors = new ArrayList<>();
        if (!doc.path("name").isTextual() || !doc.path("name").asText().matches("^[a-zA-Z0-9.-]+/[a-zA-Z0-9._-]+$")) errors.add(new Violation("name-format", "/name", "bad name"));
        if (!doc.path("version").isTextual() || doc.path("version").asText().equals("latest")) errors.add(new Violation("version-latest-reserved", "/version", "bad"));
        if (!doc.path("description").isTextual()) errors.add(new Violation("schema-required", "/description", "required"));
        return new ValidationReport(errors, List.of());
    }
}
