package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One publish rule the JSON Schema cannot express. Rules run on every document, also one that failed the schema,
 * so each must tolerate missing members and wrong types (the schema reports those).
 */
public interface SemanticRule {

    void check(JsonNode doc, Findings findings);
}
