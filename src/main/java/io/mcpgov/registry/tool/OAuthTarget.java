package io.mcpgov.registry.tool;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where an agent requests scopes for a server: the OAuth declaration's resource, protected resource metadata,
 * authorization servers, and the scopes the server supports and always requires.
 */
public record OAuthTarget(String resource, String protectedResourceMetadata, List<String> authorizationServers,
        List<String> scopesSupported, List<String> scopesRequired) {

    public OAuthTarget {
        authorizationServers = List.copyOf(authorizationServers);
        scopesSupported = List.copyOf(scopesSupported);
        scopesRequired = List.copyOf(scopesRequired);
    }

    /** From a stored auth profile's {@code oauth2} member; null when the server declares no OAuth. */
    public static OAuthTarget of(JsonNode oauth2) {
        if (oauth2 == null || !oauth2.isObject()) {
            return null;
        }
        return new OAuthTarget(text(oauth2, "resource"), text(oauth2, "protectedResourceMetadata"),
                texts(oauth2.path("authorizationServers")), texts(oauth2.path("scopesSupported")),
                texts(oauth2.path("scopesRequired")));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> {
            if (item.isTextual()) {
                out.add(item.asText());
            }
        });
        return out;
    }
}
