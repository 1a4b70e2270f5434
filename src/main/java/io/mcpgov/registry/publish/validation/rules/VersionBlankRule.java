package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A version identifies the entry in URLs and is immutable, so it cannot be empty or whitespace. The official schema
 * only sets a maximum length for the server version.
 */
public final class VersionBlankRule implements SemanticRule {

    public static final String ID = "version-blank";

    @Override
    public void check(JsonNode doc, Findings findings) {
        for (Versions.Located version : Versions.all(doc)) {
            if (version.version().isBlank()) {
                findings.error(ID, version.path(), "version must not be empty or whitespace");
            }
        }
    }
}
