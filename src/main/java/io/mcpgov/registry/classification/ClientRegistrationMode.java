package io.mcpgov.registry.classification;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** How an MCP client obtains a client id at the authorization server. */
public enum ClientRegistrationMode {
    CLIENT_ID_METADATA_DOCUMENT("client-id-metadata-document"),
    DYNAMIC("dynamic"),
    PRE_REGISTERED("pre-registered");

    private final String wireName;

    ClientRegistrationMode(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<ClientRegistrationMode> fromWire(String name) {
        return Arrays.stream(values()).filter(mode -> mode.wireName.equals(name)).findFirst();
    }
}
