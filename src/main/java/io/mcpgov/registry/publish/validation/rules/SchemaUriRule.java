package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code $schema} must name a known server.json schema; older official ones are accepted with a warning. */
public final class SchemaUriRule implements SemanticRule {

    public static final String REQUIRED = "schema-uri-required";
    public static final String UNKNOWN = "schema-unknown";
    public static final String DEPRECATED = "schema-deprecated";

    private static final String PATH = "/$schema";

    @Override
    public void check(JsonNode doc, Findings findings) {
        JsonNode schema = doc.get("$schema");
        if (schema == null || !schema.isTextual() || schema.asText().isBlank()) {
            findings.error(REQUIRED, PATH, "$schema is required: name the server.json schema, currently "
                    + KnownSchemas.CURRENT);
            return;
        }
        String url = schema.asText();
        if (KnownSchemas.isDeprecated(url)) {
            findings.warning(DEPRECATED, PATH, "this server.json schema version is deprecated; the current one is "
                    + KnownSchemas.CURRENT);
        } else if (!KnownSchemas.isCurrent(url)) {
            findings.error(UNKNOWN, PATH, "unknown server.json schema; the current one is " + KnownSchemas.CURRENT);
        }
    }
}
