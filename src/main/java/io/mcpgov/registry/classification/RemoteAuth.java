package io.mcpgov.registry.classification;

import java.util.List;

/** How remote number {@code index} authenticates, with the names (never values) of the credentials it asks for. */
public record RemoteAuth(int index, String transport, String url, AuthType auth, List<String> credentials) {

    public RemoteAuth {
        credentials = List.copyOf(credentials);
    }
}
