package io.mcpgov.registry.tool;

import io.mcpgov.registry.decision.RevocableDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A reviewer's decision on one tool definition (server, tool name, definition hash). Every version that carries
 * the same definition shares it, which is how an approval carries over; a changed definition is a new review. The
 * decision's columns are {@link RevocableDecision}'s; {@code requestedBy} is whoever published the version that put
 * the definition in the queue (again).
 */
@Entity
@Table(name = "tool_review")
public class ToolReview extends RevocableDecision {

    @Column(name = "tool_name", nullable = false)
    public String toolName;

    @Column(name = "definition_hash", nullable = false)
    public String definitionHash;

    @Column(nullable = false)
    public String classification;

    @Column(name = "requires_approval", nullable = false)
    public boolean requiresApproval;

    /** JSON array of why the tool needs a review: {@code destructive} and finding rule ids. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String reasons;

    @Column(name = "first_version", nullable = false)
    public String firstVersion;
}
