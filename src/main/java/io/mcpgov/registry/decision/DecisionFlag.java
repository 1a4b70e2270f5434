package io.mcpgov.registry.decision;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A decision (an exception, a tool approval, ...) that an offboarded person requested or took, and that a reviewer
 * must take again. Resolving it records the new decision's reason; the flag itself is kept.
 */
@Entity
@Table(name = "decision_flag")
public class DecisionFlag {

    /** The part the offboarded person played in the decision. */
    public enum Role {
        REQUESTED, DECIDED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "target_type", nullable = false)
    public String targetType;

    @Column(name = "target_id", nullable = false)
    public String targetId;

    @Column(name = "server_name")
    public String serverName;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String role;

    @Column(name = "flagged_at", nullable = false)
    public Instant flaggedAt;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column
    public String resolution;

    public boolean open() {
        return resolvedAt == null;
    }
}
