package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;

/** A server or package version is one specific version, never a range or wildcard. */
public final class VersionRangeRule implements SemanticRule {

    public static final String ID = "version-range";

    @Override
    public void check(JsonNode doc, Findings findings) {
        for (Versions.Located version : Versions.all(doc)) {
            if (Versions.looksLikeRange(version.version())) {
                findings.error(ID, version.path(), "looks like a version range or wildcard; a specific version "
                        + "such as 1.2.3 is required");
            }
        }
    }
}
