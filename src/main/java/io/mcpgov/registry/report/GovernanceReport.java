package io.mcpgov.registry.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an IAM team reviews: how servers authenticate and who answers for them, and the exceptions to the rules. */
public record GovernanceReport(
        Instant generatedAt,
        Parameters parameters,
        @Schema(description = "Servers (latest versions) by auth type: oauth2, api-key, none") Map<String, Long> serversByAuthType,
        @Schema(description = "Servers (latest versions) by the state of their OAuth verification: verified, unverified,"
                + " failed, unreachable, not-applicable") Map<String, Long> serversByVerificationState,
        @Schema(description = "Servers (latest versions) without an operational contact") long serversWithoutContact,
        @Schema(description = "Approved exceptions that end within expiringWithinDays") List<ExceptionLine> exceptionsExpiringSoon,
        @Schema(description = "Exceptions that ran out (approved or still pending) within endedWithinDays") List<ExceptionLine> expiredExceptions,
        @Schema(description = "Exceptions revoked within endedWithinDays") List<ExceptionLine> revokedExceptions,
        @Schema(description = "Servers whose accountable owner was offboarded") List<OrphanedServer> orphanedServers,
        @Schema(description = "Decisions an offboarded person requested or took, not yet taken again") List<DecisionToRetake> decisionsToRetake,
        @Schema(description = "Destructive tools waiting for a reviewer's approval") List<PendingTool> destructiveToolsAwaitingApproval,
        @Schema(description = "Servers whose current access review is pending past its due date") List<OverdueReview> overdueReviews) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Parameters(int expiringWithinDays, int endedWithinDays, String team) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExceptionLine(UUID id, String serverName, String owningTeam, String classification, String state,
            Instant expiresAt, String revokedBy, Instant revokedAt) {
    }

    public record OrphanedServer(String name, String owningTeam, String accountableOwner, Instant offboardedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DecisionToRetake(String targetType, String targetId, String serverName, String subject, String role,
            Instant flaggedAt) {
    }

    public record PendingTool(UUID reviewId, String serverName, String version, String owningTeam, String toolName,
            String requestedBy, Instant requestedAt) {
    }

    public record OverdueReview(UUID campaignId, String campaignName, String serverName, String version,
            String owningTeam, String accountableOwner, Instant dueAt, long daysOverdue) {
    }
}
