package io.mcpgov.registry.exception;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An exception on the wire. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExceptionView(
        UUID id,
        String serverName,
        String versionRange,
        String owningTeam,
        String classification,
        String state,
        String justification,
        ExceptionRequest.CompensatingControls compensatingControls,
        Instant expiresAt,
        Instant reviewBy,
        String requestedBy,
        Instant requestedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionReason,
        String revokedBy,
        Instant revokedAt,
        String revocationReason,
        List<String> coveredVersions,
        @Schema(description = "Present (true) while the exception is pending or in force and someone who requested or"
                + " decided it has been offboarded: a reviewer must take the decision again (an approved one keeps"
                + " covering until then)") Boolean needsNewDecision) {

    /** @param flagged whether an offboarding flagged it (open flag); shown only while it is pending or in force */
    static ExceptionView of(ExceptionEntry e, Instant now, List<String> coveredVersions, boolean flagged) {
        boolean permanent = "permanent".equals(e.classification);
        ExceptionState state = e.stateAt(now);
        boolean running = state == ExceptionState.PENDING || state == ExceptionState.APPROVED;
        return new ExceptionView(e.id, e.serverName, e.versionRange, e.owningTeam, e.classification,
                state.wire(), e.justification,
                new ExceptionRequest.CompensatingControls(e.rotationDays, e.keyStorage, e.offboardingOwner),
                permanent ? null : e.expiresAt, permanent ? e.expiresAt : null, e.requestedBy, e.requestedAt,
                e.decidedBy, e.decidedAt, e.decisionReason, e.revokedBy, e.revokedAt, e.revocationReason,
                coveredVersions, running && flagged ? Boolean.TRUE : null);
    }
}
