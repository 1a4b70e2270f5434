package io.mcpgov.registry.tool;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.RawValue;
import io.mcpgov.registry.classification.ToolClassification;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One tool of one version with what it entitles: classification, scopes, approval state and availability. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ToolEntitlement(
        String name,
        String title,
        @Schema(description = "read-only, write or destructive") String classification,
        boolean idempotent,
        boolean openWorld,
        @Schema(description = "Every scope a token needs to call the tool") List<String> scopes,
        String definitionHash,
        @Schema(description = "Findings that flag the tool for review ({ruleId, message})", implementation = Object[].class)
        RawValue findings,
        @Schema(description = "not-required, pending, approved, rejected or revoked") String approval,
        @Schema(description = "Whether agents may use the tool: false for destructive tools not approved, and for"
                + " tools whose review was rejected or revoked") boolean available,
        UUID reviewId,
        @Schema(description = "The tool as declared (description, inputSchema, annotations, ...)", implementation = Object.class)
        RawValue definition) {

    @JsonIgnore
    public boolean destructive() {
        return ToolClassification.DESTRUCTIVE.wire().equals(classification);
    }

    /**
     * The approval state of a stored tool: tools that are neither destructive nor flagged need none; the others take
     * their review's state (pending when, unexpectedly, there is no review).
     */
    static ReviewState approval(boolean destructive, boolean flagged, String reviewState) {
        if (!destructive && !flagged) {
            return ReviewState.NOT_REQUIRED;
        }
        return reviewState == null ? ReviewState.PENDING : ReviewState.fromWire(reviewState).orElse(ReviewState.PENDING);
    }
}
