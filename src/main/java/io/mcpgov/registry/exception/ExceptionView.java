package io.mcpgov.registry.exception;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
        List<String> coveredVersions) {

    static ExceptionView of(ExceptionEntry e, Instant now, List<String> coveredVersions) {
        boolean permanent = "permanent".equals(e.classification);
        return new ExceptionView(e.id, e.serverName, e.versionRange, e.owningTeam, e.classification,
                e.stateAt(now).wire(), e.justification,
                new ExceptionRequest.CompensatingControls(e.rotationDays, e.keyStorage, e.offboardingOwner),
                permanent ? null : e.expiresAt, permanent ? e.expiresAt : null, e.requestedBy, e.requestedAt,
                e.decidedBy, e.decidedAt, e.decisionReason, e.revokedBy, e.revokedAt, e.revocationReason,
                coveredVersions);
    }
}
