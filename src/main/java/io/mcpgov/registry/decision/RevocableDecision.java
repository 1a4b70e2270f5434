package io.mcpgov.registry.decision;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** A decision whose approval a reviewer or admin can take back: it then keeps who revoked it, when and why. */
@MappedSuperclass
public abstract class RevocableDecision extends Decision {

    public static final String APPROVED = "approved";
    public static final String REVOKED = "revoked";

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revocation_reason")
    public String revocationReason;

    /** A new decision (on a decision asked for again after a revocation) replaces the old revocation. */
    @Override
    public void decide(String outcome, String by, Instant at, String reason) {
        super.decide(outcome, by, at, reason);
        revokedBy = null;
        revokedAt = null;
        revocationReason = null;
    }

    /** Asked for again (a rejected or revoked decision whose subject is published again): pending, undecided. */
    public void reopen(String by, Instant at) {
        state = Decision.PENDING;
        requestedBy = by;
        requestedAt = at;
        decidedBy = null;
        decidedAt = null;
        decisionReason = null;
        revokedBy = null;
        revokedAt = null;
        revocationReason = null;
    }

    public void revoke(String by, Instant at, String reason) {
        state = REVOKED;
        revokedBy = by;
        revokedAt = at;
        revocationReason = reason;
    }
}
