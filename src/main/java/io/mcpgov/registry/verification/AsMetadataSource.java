package io.mcpgov.registry.verification;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How the authorization server metadata was found: RFC 8414 or OpenID Connect discovery. */
public enum AsMetadataSource {
    RFC8414, OIDC;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
