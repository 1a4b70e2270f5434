package io.mcpgov.registry.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.publish.validation.rules.JsonSchemaCheck;
import java.util.List;

/**
 * An operational contact given through the API passes the same schema as one declared at publish
 * ({@code contact} in registry-schema/governance.schema.json); rule ids are {@code contact-<keyword>}.
 */
final class ContactCheck {

    private static final JsonSchemaCheck SCHEMA = new JsonSchemaCheck(JsonSchemaCheck.GOVERNANCE_SCHEMA, "contact");
    private static final String PREFIX = "/contact";

    private ContactCheck() {
    }

    static List<Violation> check(JsonNode contact) {
        JsonNode declaration = JsonNodeFactory.instance.objectNode().set("contact", contact);
        return SCHEMA.check(declaration, "").stream()
                .map(v -> new Violation(v.ruleId(), v.path().startsWith(PREFIX) ? v.path().substring(PREFIX.length()) : v.path(),
                        v.message()))
                .toList();
    }
}
