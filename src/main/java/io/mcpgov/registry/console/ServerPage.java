package io.mcpgov.registry.console;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.console.Views.AuditLine;
import io.mcpgov.registry.console.Views.ExceptionLine;
import io.mcpgov.registry.console.Views.ServerDetail;
import io.mcpgov.registry.console.Views.VersionLine;
import io.mcpgov.registry.exception.ExceptionService;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * One server: its versions, and for the chosen one (latest by default) the auth profile per remote, verification,
 * tools, exceptions, owner and history. 404 exactly where the API would answer 404 to the signed-in user.
 */
@ApplicationScoped
public class ServerPage {

    private static final int HISTORY = 50;

    private final ConsoleServers servers;
    private final ExceptionService exceptions;
    private final ConsoleRepository queries;
    private final Caller caller;

    ServerPage(ConsoleServers servers, ExceptionService exceptions, ConsoleRepository queries, Caller caller) {
        this.servers = servers;
        this.exceptions = exceptions;
        this.queries = queries;
        this.caller = caller;
    }

    public ServerDetail build(String name, String version, String notice) {
        boolean canRevoke = caller.hasAny(Roles.REVIEWER, Roles.ADMIN);
        List<JsonNode> versions = servers.versions(name);
        JsonNode chosen = versions.stream()
                .filter(v -> version == null || version.isBlank()
                        ? official(v).path("isLatest").asBoolean(false) : Text.text(v.path("server"), "version").equals(version))
                .findFirst().orElse(version == null || version.isBlank() ? versions.get(0) : null);
        if (chosen == null) {
            throw io.mcpgov.registry.common.ProblemException.notFound("Server version not found.");
        }
        String chosenVersion = Text.text(chosen.path("server"), "version");
        List<VersionLine> versionLines = versions.stream().map(v -> {
            JsonNode governance = ConsoleServers.governance(v);
            String number = Text.text(v.path("server"), "version");
            return new VersionLine(number, Text.serverHref(name, number), Text.text(official(v), "status"),
                    Text.time(official(v).get("publishedAt")), official(v).path("isLatest").asBoolean(false),
                    governance.path("listed").asBoolean(false), Text.text(governance, "authType"),
                    ConsoleServers.verificationState(governance), number.equals(chosenVersion));
        }).toList();
        List<ExceptionLine> exceptionLines = exceptions.list(null, name, null, 0, 50).exceptions().stream()
                .map(e -> new ExceptionLine(e.id().toString(), e.state(), e.classification(),
                        e.versionRange() == null ? "every version" : e.versionRange(),
                        Text.time(e.expiresAt() != null ? e.expiresAt() : e.reviewBy()), e.requestedBy(),
                        e.decidedBy() == null ? (e.revokedBy() == null ? "" : e.revokedBy()) : e.decidedBy(),
                        e.revocationReason() != null ? e.revocationReason()
                                : e.decisionReason() == null ? "" : e.decisionReason(),
                        canRevoke && "approved".equals(e.state())))
                .toList();
        boolean auditShown = caller.hasAny(Roles.AUDITOR, Roles.ADMIN, Roles.REVIEWER);
        List<AuditLine> audit = !auditShown ? List.of() : queries.serverHistory(name, HISTORY).stream()
                .map(a -> new AuditLine(Text.time(a.occurredAt()), a.actor() == null ? "" : a.actor(), a.action(),
                        a.targetType() + " " + a.targetId()))
                .toList();
        JsonNode verification = ConsoleServers.governance(chosen).path("verification");
        return new ServerDetail(servers.line(chosen), Text.text(official(chosen), "statusMessage"),
                Text.time(official(chosen).get("publishedAt")), Text.time(verification.get("checkedAt")),
                servers.remotes(chosen), servers.packages(chosen), servers.oauth(chosen), servers.tools(chosen, canRevoke),
                servers.toolChanges(chosen), versionLines, exceptionLines, audit, auditShown, notice);
    }

    private static JsonNode official(JsonNode item) {
        return item.path("_meta").path(RegistryMeta.OFFICIAL);
    }
}
