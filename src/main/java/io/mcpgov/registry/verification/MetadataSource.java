package io.mcpgov.registry.verification;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where the protected resource metadata was found, in the MCP client discovery order. */
public enum MetadataSource {
    /** The resource_metadata URL of the WWW-Authenticate challenge. */
    HEADER,
    /** https://host/.well-known/oauth-protected-resource/path-of-the-endpoint */
    PATH,
    /** https://host/.well-known/oauth-protected-resource */
    ROOT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
