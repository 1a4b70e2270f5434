package io.mcpgov.registry.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign with its progress. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignView(
        UUID id,
        String name,
        @Schema(description = "Only this owning team's servers (absent: every server)") String team,
        @Schema(description = "open, or closed (no more answers)") String state,
        Instant dueAt,
        String createdBy,
        Instant createdAt,
        String closedBy,
        Instant closedAt,
        Progress progress,
        @Schema(description = "Progress per accountable owner (the campaign's own view only)") List<OwnerProgress> owners) {

    /** Items by state; {@code overdue} counts the pending ones past the due date. */
    public record Progress(long total, long pending, long attested, long changesNeeded, long overdue) {
    }

    public record OwnerProgress(String accountableOwner, boolean offboarded, long total, long pending, long attested,
            long changesNeeded, long overdue) {
    }

    static CampaignView of(ReviewCampaign c, Progress progress, List<OwnerProgress> owners) {
        return new CampaignView(c.id, c.name, c.team, c.state, c.dueAt, c.createdBy, c.createdAt, c.closedBy,
                c.closedAt, progress, owners);
    }
}
