package io.mcpgov.registry.audit;

import java.time.Instant;

/**
 * The content of one audit event that its hash covers. {@code before} and {@code after} are JSON text (any key order
 * or spacing: the canonical form re-serialises them), or null.
 */
public record AuditRecord(
        long id,
        Instant occurredAt,
        String actorSubject,
        String actorClientId,
        String actorRoles,
        String action,
        String targetType,
        String targetId,
        String before,
        String after,
        String requestId,
        String sourceAddress) {

    public AuditRecord withId(long newId) {
        return new AuditRecord(newId, occurredAt, actorSubject, actorClientId, actorRoles, action, targetType, targetId,
                before, after, requestId, sourceAddress);
    }
}
