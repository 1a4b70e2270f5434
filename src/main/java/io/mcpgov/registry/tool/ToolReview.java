package io.mcpgov.registry.tool;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A reviewer's decision on one tool definition (server, tool name, definition hash). Every version that carries
 * the same definition shares it, which is how an approval carries over; a changed definition is a new review.
 */
@Entity
@Table(name = "tool_review")
public class ToolReview {

    @Id
    public UUID id;

    @Column(name = "server_name", nullable = false)
    public String serverName;

    @Column(name = "tool_name", nullable = false)
    public String toolName;

    @Column(name = "definition_hash", nullable = false)
    public String definitionHash;

    @Column(name = "owning_team", nullable = false)
    public String owningTeam;

    @Column(nullable = false)
    public String classification;

    @Column(name = "requires_approval", nullable = false)
    public boolean requiresApproval;

    /** JSON array of why the tool needs a review: {@code destructive} and finding rule ids. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String reasons;

    @Column(nullable = false)
    public String state;

    @Column(name = "first_version", nullable = false)
    public String firstVersion;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revocation_reason")
    public String revocationReason;
}
