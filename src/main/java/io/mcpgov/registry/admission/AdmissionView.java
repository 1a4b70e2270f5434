package io.mcpgov.registry.admission;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An admission request on the wire. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AdmissionView(
        UUID id,
        String serverName,
        String version,
        String owningTeam,
        String state,
        @Schema(description = "The last admitted version compared with; absent for a new server") String baselineVersion,
        @Schema(description = "What the version adds to what agents can reach: {rule, subject, detail}", implementation = Object.class)
        RawValue widening,
        @Schema(description = "The document's changes against the baseline: {path, change, before, after}", implementation = Object.class)
        RawValue diff,
        String requestedBy,
        Instant requestedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionReason) {

    static AdmissionView of(AdmissionRequest r) {
        return new AdmissionView(r.id, r.serverName, r.version, r.owningTeam, r.state, r.baselineVersion,
                new RawValue(r.widening), new RawValue(r.diff), r.requestedBy, r.requestedAt, r.decidedBy, r.decidedAt,
                r.decisionReason);
    }
}
