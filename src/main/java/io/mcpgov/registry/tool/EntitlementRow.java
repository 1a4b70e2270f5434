package io.mcpgov.registry.tool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One line of the entitlement report: one tool of a server's latest version, or the server alone when it declares
 * no tools (then every tool field is null, and {@code toolsDeclared} says whether it declared an empty list).
 */
public record EntitlementRow(
        String server,
        String version,
        String status,
        String owningTeam,
        String accountableOwner,
        boolean toolsDeclared,
        String tool,
        String title,
        String classification,
        Boolean idempotent,
        Boolean openWorld,
        List<String> scopes,
        String approval,
        Boolean available,
        UUID reviewId,
        String decidedBy,
        Instant decidedAt,
        String definitionHash,
        List<String> findings) {

    static final List<String> CSV_HEADER = List.of("server", "version", "status", "owningTeam", "accountableOwner",
            "toolsDeclared", "tool", "title", "classification", "idempotent", "openWorld", "scopes", "approval",
            "available", "reviewId", "decidedBy", "decidedAt", "definitionHash", "findings");

    /** The CSV fields in {@link #CSV_HEADER} order; lists are space-separated. */
    List<String> csvFields() {
        List<String> f = new ArrayList<>(CSV_HEADER.size());
        f.add(server);
        f.add(version);
        f.add(status);
        f.add(owningTeam);
        f.add(accountableOwner);
        f.add(String.valueOf(toolsDeclared));
        f.add(tool);
        f.add(title);
        f.add(classification);
        f.add(idempotent == null ? null : idempotent.toString());
        f.add(openWorld == null ? null : openWorld.toString());
        f.add(scopes == null ? null : String.join(" ", scopes));
        f.add(approval);
        f.add(available == null ? null : available.toString());
        f.add(reviewId == null ? null : reviewId.toString());
        f.add(decidedBy);
        f.add(decidedAt == null ? null : decidedAt.toString());
        f.add(definitionHash);
        f.add(findings == null ? null : String.join(" ", findings));
        return f;
    }
}
