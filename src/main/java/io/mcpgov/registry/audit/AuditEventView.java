package io.mcpgov.registry.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.RawValue;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An audit event on the wire (one line of the export, too). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEventView(
        long id,
        Instant occurredAt,
        Actor actor,
        String action,
        Target target,
        @Schema(implementation = Object.class) RawValue before,
        @Schema(implementation = Object.class) RawValue after,
        String requestId,
        String sourceAddress,
        @Schema(description = "The previous event's hash (64 zeros for the first event)") String prevHash,
        @Schema(description = "SHA-256 over this event's canonical content and prevHash (see docs/governance.md, Audit)") String hash) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Actor(String subject, String clientId, List<String> roles) {
    }

    public record Target(String type, String id) {
    }

    public static AuditEventView of(StoredEvent stored) {
        AuditRecord e = stored.record();
        List<String> roles = e.actorRoles() == null || e.actorRoles().isEmpty() ? List.of()
                : Arrays.asList(e.actorRoles().split(","));
        return new AuditEventView(e.id(), e.occurredAt(), new Actor(e.actorSubject(), e.actorClientId(), roles),
                e.action(), new Target(e.targetType(), e.targetId()), raw(e.before()), raw(e.after()), e.requestId(),
                e.sourceAddress(), stored.prevHash(), stored.hash());
    }

    private static RawValue raw(String json) {
        return json == null ? null : new RawValue(json);
    }
}
