package io.mcpgov.registry.ownership;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an offboarding did: the servers it orphaned and the decisions it flagged. */
public record OffboardingView(
        String subject,
        String reason,
        String offboardedBy,
        Instant offboardedAt,
        @Schema(description = "True when the subject was already offboarded: nothing changed, and the lists show the"
                + " current effect") boolean alreadyOffboarded,
        @Schema(description = "Servers the subject is accountable for: hidden from agents (rule owner-offboarded)"
                + " until taken over") List<OrphanedServer> orphanedServers,
        @Schema(description = "Decisions the subject requested or took that need a new decision") List<FlagView> flagged) {

    public record OrphanedServer(String name, String owningTeam) {
    }
}
