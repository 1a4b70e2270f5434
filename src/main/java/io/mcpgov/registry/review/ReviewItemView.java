package io.mcpgov.registry.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One server in a campaign: what its accountable owner re-attests, and their answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewItemView(
        UUID campaignId,
        String serverName,
        @Schema(description = "The server's latest version when the campaign started") String version,
        String owningTeam,
        String accountableOwner,
        @Schema(description = "The accountable owner was offboarded: someone must take the server over to answer")
        boolean orphaned,
        @Schema(description = "pending, attested or changes-needed") String state,
        @Schema(description = "Still pending after the due date") boolean overdue,
        Instant dueAt,
        String note,
        String respondedBy,
        Instant respondedAt,
        @Schema(description = "The version whose facts were attested") String attestedVersion,
        @Schema(description = "What the owner re-attests (scopes, exceptions, and tools where installed): live while"
                + " pending, as answered afterwards", implementation = Object.class) RawValue facts) {
}
