package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Pointers;

/** Icons are fetched by clients: each {@code src} is an absolute https URL (no http, no data: URIs). */
public final class IconSrcHttpsRule implements SemanticRule {

    public static final String ID = "icon-src-https";

    @Override
    public void check(JsonNode doc, Findings findings) {
        for (Nodes.Indexed icon : Nodes.objects(doc, "icons")) {
            Nodes.text(icon.node(), "src").ifPresent(src -> {
                if (!HttpsUrls.isHttpsUrl(src)) {
                    findings.error(ID, Pointers.of("icons", icon.index(), "src"), "icon src must be an absolute https URL");
                }
            });
        }
    }
}
