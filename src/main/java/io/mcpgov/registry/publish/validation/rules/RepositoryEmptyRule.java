package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code repository: {}} is tolerated (the official registry holds such entries) but says nothing. */
public final class RepositoryEmptyRule implements SemanticRule {

    public static final String ID = "repository-empty";

    @Override
    public void check(JsonNode doc, Findings findings) {
        Nodes.object(doc, "repository").ifPresent(repository -> {
            if (repository.isEmpty()) {
                findings.warning(ID, "/repository", "repository is empty; give its url and source, or leave it out");
            }
        });
    }
}
