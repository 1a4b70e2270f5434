package io.mcpgov.registry.report;

import java.time.Instant;
import java.util.List;

/**
 * Destructive tools waiting for a reviewer's approval, for the report. The tools feature provides a bean that
 * replaces {@link NoToolApprovals} (a {@code @DefaultBean}).
 */
public interface DestructiveToolApprovals {

    record Pending(String id, String serverName, String version, String owningTeam, String toolName,
            String requestedBy, Instant requestedAt) {
    }

    /** Pending approvals, of one owning team when {@code team} is not null, by server and tool name. */
    List<Pending> awaiting(String team);
}
