package io.mcpgov.registry.publish.validation.rules;

import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertError;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertNoWarning;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertValid;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertWarning;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.validate;
import static io.mcpgov.registry.testing.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.publish.validation.ServerJsonValidator;
import io.mcpgov.registry.publish.validation.ValidationReport;
import io.mcpgov.registry.publish.validation.ValidationSettings;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemaUriRuleTest {

    @Test
    void currentSchemaPassesWithoutWarning() {
        ValidationReport report = validate(load("valid-server.json"));
        assertValid(report);
        assertNoWarning(report, SchemaUriRule.DEPRECATED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-07-09", "2025-09-16", "2025-09-29", "2025-10-17"})
    void olderOfficialSchemasAreAcceptedWithAWarning(String date) {
        ObjectNode doc = load("valid-server.json");
        doc.put("$schema", "https://static.modelcontextprotocol.io/schemas/" + date + "/server.schema.json");
        ValidationReport report = validate(doc);
        assertValid(report);
        assertWarning(report, SchemaUriRule.DEPRECATED, "/$schema");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://static.modelcontextprotocol.io/schemas/2024-01-01/server.schema.json",
            "https://example.com/server.schema.json",
            "http://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json"})
    void unknownSchemasAreErrors(String url) {
        ObjectNode doc = load("valid-server.json");
        doc.put("$schema", url);
        assertError(validate(doc), SchemaUriRule.UNKNOWN, "/$schema");
    }

    @Test
    void missingOrBlankSchemaIsAnError() {
        ObjectNode doc = load("valid-server.json");
        doc.remove("$schema");
        assertError(validate(doc), SchemaUriRule.REQUIRED, "/$schema");
        doc.put("$schema", " ");
        assertError(validate(doc), SchemaUriRule.REQUIRED, "/$schema");
    }

    @Test
    void knownSchemaListStartsWithTheCurrentOne() {
        List<String> known = new ServerJsonValidator(ValidationSettings.production()).knownSchemas();
        assertEquals(KnownSchemas.CURRENT, known.get(0));
        assertEquals(5, known.size());
    }

    @Test
    void theCurrentAndTheDeprecatedSchemasAreKnownAndAnotherDateIsNot() {
        assertEquals(true, KnownSchemas.isKnown(KnownSchemas.CURRENT));
        for (String deprecated : KnownSchemas.DEPRECATED) {
            assertEquals(true, KnownSchemas.isKnown(deprecated), deprecated);
        }
        assertEquals(false, KnownSchemas.isKnown(KnownSchemas.CURRENT.replace("2025-12-11", "2025-12-12")));
    }
}
