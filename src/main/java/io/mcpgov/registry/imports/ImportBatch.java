package io.mcpgov.registry.imports;

import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.database.LongWork;
import io.mcpgov.registry.events.GovernanceEvents;
import io.mcpgov.registry.namespace.NamespaceRequest;
import io.mcpgov.registry.namespace.NamespaceService;
import io.mcpgov.registry.publish.Publication;
import io.mcpgov.registry.publish.PublishStore;
import io.mcpgov.registry.server.LatestBookkeeping;
import io.mcpgov.registry.server.ServerStatus;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Stores one page of checked entries in one transaction; a refused entry is skipped, the others stay. */
@ApplicationScoped
class ImportBatch {

    private final PublishStore store;
    private final ServerVersionRepository versions;
    private final NamespaceService namespaces;
    private final LatestBookkeeping latest;
    private final AuditLog audit;
    private final GovernanceEvents events;
    private final LongWork longWork;

    ImportBatch(PublishStore store, ServerVersionRepository versions, NamespaceService namespaces,
            LatestBookkeeping latest, AuditLog audit, GovernanceEvents events, LongWork longWork) {
        this.events = events;
        this.longWork = longWork;
        this.store = store;
        this.versions = versions;
        this.namespaces = namespaces;
        this.latest = latest;
        this.audit = audit;
    }

    /** @param items entries that passed the checks, whose namespaces {@link #mapNamespaces} has seen */
    @Transactional
    ImportRun.Page store(List<ImportItem> items, ImportRun run) {
        ImportRun.Page page = new ImportRun.Page();
        List<Long> imported = new ArrayList<>();
        List<Long> statusChanged = new ArrayList<>();
        versions.lockServers(items.stream().map(ImportItem::name).toList());
        Set<String> stored = versions.stored(items.stream().map(ImportItem::name).toList(),
                items.stream().map(ImportItem::version).toList());
        for (ImportItem item : items) {
            String key = ServerVersionRepository.key(item.name(), item.version());
            try {
                Optional<ServerVersion> existing = stored.contains(key)
                        ? versions.findVersion(item.name(), item.version()) : Optional.empty();
                if (existing.isPresent()) {
                    syncStatus(existing.get(), item.status(), page, statusChanged);
                    continue;
                }
                String team = owningTeam(item.name(), run);
                imported.add(store.store(new Publication(item.document(), item.checked().profile(), team,
                        run.importer(), item.status(), true), "server.imported"));
                page.imported();
                // a page may list a version twice: the second is then a version this import holds
                stored.add(key);
                // a page holds many entries: keep the persistence context small so each flush stays cheap
                versions.flush();
                versions.getEntityManager().clear();
            } catch (ProblemException e) {
                page.refuse(item.name(), item.version(), e.errors());
            }
        }
        events.versionsChanged(imported, "server.imported");
        events.versionsChanged(statusChanged, "server.status-changed");
        return page;
    }

    /**
     * Refreshes the planner's statistics of the tables discovery reads. After a bulk load they describe tables a
     * fraction of the size, and the plans chosen from them can take seconds a page until autovacuum catches up.
     */
    @Transactional
    void refreshStatistics() {
        // samples six large tables: longer than a request's statements may take
        longWork.inTransaction(() -> versions.getEntityManager().createNativeQuery("ANALYZE server_version,"
                + " listing_state, exception_coverage, tool_set, server_tool, remote_url").executeUpdate());
    }

    /**
     * Maps the namespaces of new entries that no mapping covers yet, committed before their page is stored: pages
     * stored concurrently then only read the mappings, and never race to create the same one.
     */
    @Transactional
    void mapNamespaces(List<ImportItem> items, ImportRun run) {
        List<ImportItem> unseen = items.stream()
                .filter(item -> !run.knowsNamespace(NamespaceService.namespacePart(item.name()))).toList();
        if (unseen.isEmpty()) {
            return;
        }
        Set<String> stored = versions.stored(unseen.stream().map(ImportItem::name).toList(),
                unseen.stream().map(ImportItem::version).toList());
        for (ImportItem item : unseen) {
            if (!stored.contains(ServerVersionRepository.key(item.name(), item.version()))) {
                owningTeam(item.name(), run);
            }
        }
    }

    /** The source deleted or deprecated a version we hold: follow it, as a mirror should. */
    private void syncStatus(ServerVersion entry, ServerStatus status, ImportRun.Page page, List<Long> changed) {
        if (entry.status.equals(status.wire())) {
            page.skipped();
            return;
        }
        Map<String, Object> before = Map.of("status", entry.status);
        entry.status = status.wire();
        entry.statusChangedAt = Times.now();
        entry.updatedAt = entry.statusChangedAt;
        latest.recompute(entry.name);
        audit.record("server.status-changed", "server-version", entry.name + "@" + entry.version, before,
                Map.of("status", entry.status, "via", "import"));
        changed.add(entry.id);
        page.statusUpdated();
    }

    private String owningTeam(String name, ImportRun run) {
        String namespace = NamespaceService.namespacePart(name);
        return run.teamOf(namespace, () -> namespaces.owningTeam(name).orElseGet(() -> {
            namespaces.put(namespace, new NamespaceRequest(run.owningTeam(), false));
            run.mapped(namespace);
            return run.owningTeam();
        }));
    }
}
