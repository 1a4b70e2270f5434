package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code latest} names the newest version in the API, so it cannot be a version itself (server or package). */
public final class VersionLatestReservedRule implements SemanticRule {

    public static final String ID = "version-latest-reserved";

    @Override
    public void check(JsonNode doc, Findings findings) {
        for (Versions.Located version : Versions.all(doc)) {
            if (version.version().trim().equalsIgnoreCase("latest")) {
                findings.error(ID, version.path(), "'latest' is reserved; publish a specific version such as 1.0.0");
            }
        }
    }
}
