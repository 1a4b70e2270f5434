package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code websiteUrl}, when given, is an absolute https URL. */
public final class WebsiteUrlHttpsRule implements SemanticRule {

    public static final String ID = "website-url-https";

    @Override
    public void check(JsonNode doc, Findings findings) {
        Nodes.text(doc, "websiteUrl").ifPresent(url -> {
            if (!HttpsUrls.isHttpsUrl(url)) {
                findings.error(ID, "/websiteUrl", "websiteUrl must be an absolute https URL");
            }
        });
    }
}
