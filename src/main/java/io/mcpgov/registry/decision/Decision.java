package io.mcpgov.registry.decision;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.util.UUID;

/**
 * The columns every reviewer's decision keeps (an API-key exception, a tool review, an admission): what it is about,
 * which team sees it, its state, who asked for it and who decided it, when and why. Each kind has its own table.
 */
@MappedSuperclass
public abstract class Decision {

    public static final String PENDING = "pending";

    @Id
    public UUID id;

    @Column(name = "server_name", nullable = false)
    public String serverName;

    /** The team whose publishers see the decision (reviewers, admins and auditors see every one). */
    @Column(name = "owning_team", nullable = false)
    public String owningTeam;

    /** The stored state; {@code pending} until decided. */
    @Column(nullable = false)
    public String state;

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

    /** Records a reviewer's decision: the new state, who, when and why. */
    public void decide(String outcome, String by, Instant at, String reason) {
        state = outcome;
        decidedBy = by;
        decidedAt = at;
        decisionReason = reason;
    }
}
