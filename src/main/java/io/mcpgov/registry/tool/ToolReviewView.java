package io.mcpgov.registry.tool;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A tool review as reviewers (and the owning team's publishers) see it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolReviewView(
        UUID id,
        String serverName,
        String toolName,
        @Schema(description = "SHA-256 of the tool's normalised definition and scopes; the approval holds for it only")
        String definitionHash,
        String owningTeam,
        @Schema(description = "read-only, write or destructive") String classification,
        @Schema(description = "Destructive tools are unavailable to agents until approved; flagged ones stay available"
                + " unless rejected or revoked") boolean requiresApproval,
        @Schema(description = "Why the tool is reviewed: destructive, and the ids of findings such as tool-scope-omnibus",
                implementation = String[].class) RawValue reasons,
        @Schema(description = "pending, approved, rejected or revoked") String state,
        @Schema(description = "Whether agents may use the tool in this state") boolean available,
        @Schema(description = "Versions that carry this definition") List<String> versions,
        @Schema(description = "The tool as declared", implementation = Object.class) RawValue definition,
        String requestedBy,
        Instant requestedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionReason,
        String revokedBy,
        Instant revokedAt,
        String revocationReason) {

    static ToolReviewView of(ToolReview r, List<String> versions, String definitionJson) {
        ReviewState state = ReviewState.fromWire(r.state).orElse(ReviewState.PENDING);
        return new ToolReviewView(r.id, r.serverName, r.toolName, r.definitionHash, r.owningTeam, r.classification,
                r.requiresApproval, new RawValue(r.reasons), r.state, state.available(r.requiresApproval), versions,
                definitionJson == null ? null : new RawValue(definitionJson), r.requestedBy, r.requestedAt,
                r.decidedBy, r.decidedAt, r.decisionReason, r.revokedBy, r.revokedAt, r.revocationReason);
    }
}
