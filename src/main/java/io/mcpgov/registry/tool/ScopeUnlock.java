package io.mcpgov.registry.tool;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The inverse of a scope plan: which tools a set of scopes unlocks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScopeUnlock(
        String server,
        String version,
        @Schema(description = "The scopes asked about, without repeats") List<String> scopes,
        @Schema(description = "Scopes the server requires for any call that are not among them: while any is"
                + " missing, nothing is unlocked") List<String> missingRequiredScopes,
        @Schema(description = "Scopes the server does not support") List<String> unknownScopes,
        @Schema(description = "Tools all of whose scopes are among them (with their approval state: a token with these"
                + " scopes reaches an unavailable tool too)") List<UnlockedTool> unlocked) {

    public record UnlockedTool(String name, String classification, List<String> scopes, String approval, boolean available) {
    }
}
