package io.mcpgov.registry.exception;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A reviewed exception that lets an API-key-only server (some or all of its versions) be listed until it ends. */
@Entity
@Table(name = "api_key_exception")
public class ExceptionEntry {

    @Id
    public UUID id;

    @Column(name = "server_name", nullable = false)
    public String serverName;

    /** Null: every version. */
    @Column(name = "version_range")
    public String versionRange;

    @Column(name = "owning_team", nullable = false)
    public String owningTeam;

    @Column(nullable = false)
    public String classification;

    @Column(nullable = false)
    public String justification;

    @Column(name = "rotation_days", nullable = false)
    public int rotationDays;

    @Column(name = "key_storage", nullable = false)
    public String keyStorage;

    @Column(name = "offboarding_owner", nullable = false)
    public String offboardingOwner;

    /** Transitional: when it ends. Permanent: the review date, when it ends unless renewed. */
    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** Stored state; {@link #stateAt(Instant)} adds expiry. */
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

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revocation_reason")
    public String revocationReason;

    public ExceptionState stateAt(Instant now) {
        ExceptionState stored = ExceptionState.fromWire(state);
        boolean running = stored == ExceptionState.PENDING || stored == ExceptionState.APPROVED;
        return running && !expiresAt.isAfter(now) ? ExceptionState.EXPIRED : stored;
    }
}
