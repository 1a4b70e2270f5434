package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Pointers;

/** A stdio transport talks over the process's standard streams; a URL on it is a mistake. */
public final class StdioTransportUrlRule implements SemanticRule {

    public static final String ID = "stdio-transport-url";

    @Override
    public void check(JsonNode doc, Findings findings) {
        for (Nodes.Indexed pkg : Nodes.objects(doc, "packages")) {
            Nodes.object(pkg.node(), "transport").ifPresent(transport -> {
                boolean stdio = "stdio".equals(transport.path("type").asText(null));
                if (stdio && Nodes.text(transport, "url").filter(url -> !url.isEmpty()).isPresent()) {
                    findings.error(ID, Pointers.of("packages", pkg.index(), "transport", "url"),
                            "a stdio transport has no url");
                }
            });
        }
    }
}
