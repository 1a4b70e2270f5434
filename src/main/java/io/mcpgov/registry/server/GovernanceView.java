package io.mcpgov.registry.server;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.RawValue;
import io.mcpgov.registry.common.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The registry's view of an entry, under {@code _meta["io.mcpgov.registry/governance"]}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GovernanceView(
        @Schema(description = "Whether agents see this entry") boolean listed,
        @Schema(description = "Why the entry is not listed (empty when listed)") List<Reason> reasons,
        @Schema(description = "oauth2 when any way to use the server offers OAuth; api-key when only credentials"
                + " such as API keys do; none when no way needs a credential") String authType,
        @Schema(description = "Every way to use the server that needs a credential uses an API key, and none offers OAuth")
        boolean apiKeyOnly,
        @Schema(description = "Auth profile per remote and package, with the declared OAuth metadata", implementation = Object.class)
        RawValue auth,
        @Schema(description = "The approved exception that lets an API-key-only server be listed") ExceptionSummary exception,
        Owner owner,
        @Schema(description = "Warnings from publishing (only in the publish response)") List<Violation> warnings,
        @JsonIgnore Map<String, RawValue> extensions) {

    /** Members contributed by registry features (see {@link RowExtension}), written beside the fields above. */
    @JsonAnyGetter
    public Map<String, RawValue> extensionMembers() {
        return extensions;
    }

    public record Reason(String ruleId, String message) {
    }

    public record ExceptionSummary(UUID id, String classification, Instant expiresAt) {
    }

    public record Owner(String team, String accountableOwner) {
    }
}
