package io.mcpgov.registry.classification;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code auth.oauth2} of a governance declaration into an {@link OAuthDeclaration}. */
final class OAuthDeclarations {

    private OAuthDeclarations() {
    }

    /** The declaration's OAuth part, or null when there is none. */
    static OAuthDeclaration read(JsonNode declaration) {
        JsonNode oauth = declaration.path("auth").path("oauth2");
        if (!oauth.isObject()) {
            return null;
        }
        return new OAuthDeclaration(
                text(oauth, "resource"),
                text(oauth, "protectedResourceMetadata"),
                texts(oauth, "authorizationServers"),
                texts(oauth, "scopesSupported"),
                texts(oauth, "scopesRequired"),
                clientRegistration(oauth.path("clientRegistration")),
                texts(oauth, "remotes"));
    }

    private static OAuthDeclaration.ClientRegistration clientRegistration(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        ClientRegistrationMode mode = ClientRegistrationMode.fromWire(text(node, "mode")).orElse(null);
        return new OAuthDeclaration.ClientRegistration(mode, text(node, "clientId"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** The strings of an array member; null when the member is absent, so "not given" stays distinguishable. */
    private static List<String> texts(JsonNode node, String field) {
        JsonNode array = node.get(field);
        if (array == null || !array.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        array.forEach(item -> {
            if (item.isTextual()) {
                values.add(item.asText());
            }
        });
        return List.copyOf(values);
    }
}
