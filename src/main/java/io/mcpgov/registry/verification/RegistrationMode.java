package io.mcpgov.registry.verification;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a client gets a client id: client ID metadata document, dynamic registration (RFC 7591) or by hand. */
public enum RegistrationMode {
    CIMD, DCR, MANUAL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
