package io.mcpgov.registry.ownership;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.RawValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who answers for a server (all its versions). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OwnershipView(
        String serverName,
        @Schema(description = "The team that owns the server's namespace") String owningTeam,
        @Schema(description = "The person (token subject) accountable for the server") String accountableOwner,
        @Schema(description = "The operational contact: name, email, url", implementation = Object.class) RawValue contact,
        @Schema(description = "The accountable owner was offboarded: hidden from agents until taken over") boolean orphaned) {
}
