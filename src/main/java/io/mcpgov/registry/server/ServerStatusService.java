package io.mcpgov.registry.server;

import io.mcpgov.registry.events.GovernanceEvents;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Status changes (active, deprecated, deleted) for one version or all versions of a server. */
@ApplicationScoped
public class ServerStatusService {

    private static final int MAX_STATUS_MESSAGE = 500;

    private final ServerVersionRepository versions;
    private final ServerRowRepository rows;
    private final ServerViews views;
    private final HiddenEntries entries;
    private final LatestBookkeeping latest;
    private final AuditLog audit;
    private final GovernanceEvents events;

    ServerStatusService(ServerVersionRepository versions, ServerRowRepository rows, ServerViews views,
            HiddenEntries entries, LatestBookkeeping latest, AuditLog audit, GovernanceEvents events) {
        this.events = events;
        this.versions = versions;
        this.rows = rows;
        this.views = views;
        this.entries = entries;
        this.latest = latest;
        this.audit = audit;
    }

    @Transactional
    public ServerResponse updateVersion(String name, String version, StatusUpdateRequest request) {
        ServerStatus status = check(request);
        versions.lockServer(name);
        ServerVersion entry = versions.findVersion(name, version)
                .orElseThrow(HiddenEntries::versionNotFound);
        entries.requireManage(entry.owningTeam, name, version);
        if (!changes(entry, status, request.statusMessage())) {
            throw ProblemException.unprocessable("Nothing to change.", List.of(new Violation("status-unchanged", "/status",
                    "The version already has status " + status.wire() + " with this message.")));
        }
        apply(entry, status, request.statusMessage(), Times.now());
        latest.recompute(name);
        events.versionsChanged(List.of(entry.id), "server.status-changed");
        versions.flush();
        return views.response(rows.byIds(List.of(entry.id)).get(0));
    }

    @Transactional
    public AllVersionsStatusResponse updateAll(String name, StatusUpdateRequest request) {
        ServerStatus status = check(request);
        versions.lockServer(name);
        List<ServerVersion> all = versions.allVersions(name);
        if (all.isEmpty()) {
            throw HiddenEntries.serverNotFound();
        }
        entries.requireManage(all.get(all.size() - 1).owningTeam, name, null);
        Instant now = Times.now();
        List<Long> changed = new ArrayList<>();
        for (ServerVersion entry : all) {
            if (changes(entry, status, request.statusMessage())) {
                apply(entry, status, request.statusMessage(), now);
                changed.add(entry.id);
            }
        }
        if (changed.isEmpty()) {
            throw ProblemException.unprocessable("Nothing to change.", List.of(new Violation("status-unchanged", "/status",
                    "Every version already has status " + status.wire() + " with this message.")));
        }
        latest.recompute(name);
        events.versionsChanged(changed, "server.status-changed");
        versions.flush();
        List<ServerResponse> servers = rows.byIds(changed).stream().map(views::response).toList();
        return new AllVersionsStatusResponse(changed.size(), servers);
    }

    private void apply(ServerVersion entry, ServerStatus status, String message, Instant now) {
        Map<String, Object> before = state(entry);
        entry.status = status.wire();
        entry.statusMessage = message;
        entry.statusChangedAt = now;
        entry.updatedAt = now;
        audit.record("server.status-changed", "server-version", entry.name + "@" + entry.version, before, state(entry));
    }

    private static boolean changes(ServerVersion entry, ServerStatus status, String message) {
        return !entry.status.equals(status.wire()) || !Objects.equals(entry.statusMessage, message);
    }

    private static Map<String, Object> state(ServerVersion entry) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", entry.status);
        state.put("statusMessage", entry.statusMessage);
        return state;
    }

    private static ServerStatus check(StatusUpdateRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("A JSON body with a status is required.",
                    new Violation("status-required", "/status", "status is required"));
        }
        List<Violation> errors = new ArrayList<>();
        ServerStatus status = request.status() == null ? null : ServerStatus.fromWire(request.status()).orElse(null);
        if (status == null) {
            errors.add(new Violation("status-invalid", "/status", "status must be one of active, deprecated, deleted"));
        }
        String message = request.statusMessage();
        if (message != null && message.length() > MAX_STATUS_MESSAGE) {
            errors.add(new Violation("status-message-too-long", "/statusMessage",
                    "statusMessage must be at most " + MAX_STATUS_MESSAGE + " characters"));
        }
        if (message != null && status == ServerStatus.ACTIVE) {
            errors.add(new Violation("status-message-with-active", "/statusMessage",
                    "statusMessage is not allowed with status active"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The status update is invalid.", errors.toArray(Violation[]::new));
        }
        return status;
    }
}
