package io.mcpgov.registry.audit;

import java.time.Instant;

/** Which audit events to return; null fields do not filter. {@code to} is exclusive. */
public record AuditFilter(Instant from, Instant to, String actor, String action, String targetType, String targetId,
        String requestId) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, null);
}
