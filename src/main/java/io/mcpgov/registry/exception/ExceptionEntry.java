package io.mcpgov.registry.exception;

import io.mcpgov.registry.decision.RevocableDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A reviewed exception that lets an API-key-only server (some or all of its versions) be listed until it ends. The
 * decision's columns (state, requester, decision, revocation) are {@link RevocableDecision}'s; {@code state} is the
 * stored state, {@link #stateAt(Instant)} adds expiry.
 */
@Entity
@Table(name = "api_key_exception")
public class ExceptionEntry extends RevocableDecision {

    /** Null: every version. */
    @Column(name = "version_range")
    public String versionRange;

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

    public ExceptionState stateAt(Instant now) {
        ExceptionState stored = ExceptionState.fromWire(state);
        boolean running = stored == ExceptionState.PENDING || stored == ExceptionState.APPROVED;
        return running && !expiresAt.isAfter(now) ? ExceptionState.EXPIRED : stored;
    }
}
