package io.mcpgov.registry.ownership;

import io.mcpgov.registry.decision.DecisionFlag;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** A decision flagged for a new decision, on the wire. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlagView(
        long id,
        String targetType,
        String targetId,
        String serverName,
        String subject,
        String role,
        String state,
        Instant flaggedAt,
        String resolvedBy,
        Instant resolvedAt,
        String resolution) {

    static FlagView of(DecisionFlag f) {
        return new FlagView(f.id, f.targetType, f.targetId, f.serverName, f.subject, f.role,
                f.open() ? "open" : "resolved", f.flaggedAt, f.resolvedBy, f.resolvedAt, f.resolution);
    }
}
