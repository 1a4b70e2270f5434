package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;

/** A title, when given, shows something (an empty one is already a schema error). */
public final class TitleBlankRule implements SemanticRule {

    public static final String ID = "title-blank";

    @Override
    public void check(JsonNode doc, Findings findings) {
        Nodes.text(doc, "title").ifPresent(title -> {
            if (!title.isEmpty() && title.isBlank()) {
                findings.error(ID, "/title", "title must not be only whitespace; omit it instead");
            }
        });
    }
}
