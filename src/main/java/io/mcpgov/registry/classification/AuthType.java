package io.mcpgov.registry.classification;

import com.fasterxml.jackson.annotation.JsonValue;

/** How one way of using a server authenticates. */
public enum AuthType {
    OAUTH2("oauth2"),
    API_KEY("api-key"),
    NONE("none");

    private final String wireName;

    AuthType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
