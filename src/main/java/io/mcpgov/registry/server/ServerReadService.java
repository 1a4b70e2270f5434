package io.mcpgov.registry.server;

import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.ReadAccess;
import io.mcpgov.registry.security.Roles;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Discovery: lists and lookups, each filtered by the listing gate for the caller. */
@ApplicationScoped
public class ServerReadService {

    private final Caller caller;
    private final ReadAccess readAccess;
    private final ServerRowRepository rows;
    private final ServerViews views;
    private final ReadCache cache;
    private final CurrentIdentityAssociation identities;

    ServerReadService(Caller caller, ReadAccess readAccess, ServerRowRepository rows, ServerViews views, ReadCache cache,
            CurrentIdentityAssociation identities) {
        this.cache = cache;
        this.identities = identities;
        this.caller = caller;
        this.readAccess = readAccess;
        this.rows = rows;
        this.views = views;
    }

    public ServerListResponse list(ListParams p) {
        return list(p, visibility());
    }

    private ServerListResponse list(ListParams p, ServerQuery.Visibility visibility) {
        ServerQuery query = new ServerQuery(null, p.afterName(), p.afterVersion(), p.limit(), p.search(),
                p.updatedSince(), p.latestOnly(), p.exactVersion(), p.includeDeleted(), visibility);
        List<ServerRow> page = rows.page(query);
        String nextCursor = null;
        if (page.size() > p.limit()) {
            page = page.subList(0, p.limit());
            ServerRow last = page.get(page.size() - 1);
            nextCursor = last.name() + ":" + last.version();
        }
        return views.list(page, nextCursor);
    }

    public ServerListResponse versions(String name, boolean includeDeleted) {
        return versions(name, includeDeleted, visibility());
    }

    private ServerListResponse versions(String name, boolean includeDeleted, ServerQuery.Visibility visibility) {
        List<ServerRow> found = rows.versions(byName(name, null, false, includeDeleted, visibility));
        if (found.isEmpty()) {
            throw HiddenEntries.serverNotFound();
        }
        return views.list(found, null);
    }

    public ServerResponse version(String name, String version, boolean includeDeleted) {
        return views.response(visible(name, version, includeDeleted));
    }

    /** One version as the caller may see it ({@code latest} allowed); 404 when absent or not visible to them. */
    public ServerRow visible(String name, String version, boolean includeDeleted) {
        return visible(name, version, includeDeleted, visibility());
    }

    private ServerRow visible(String name, String version, boolean includeDeleted, ServerQuery.Visibility visibility) {
        boolean latest = "latest".equals(version);
        List<ServerRow> found = rows.versions(byName(name, latest ? null : version, latest, includeDeleted, visibility));
        if (found.isEmpty()) {
            throw HiddenEntries.versionNotFound();
        }
        return found.get(0);
    }

    /**
     * One version ({@code latest} included, deleted ones not) as this caller may see it, for features that answer
     * about an entry: 404 exactly where {@link #version} would be.
     */
    public ServerRow visibleVersion(String name, String version) {
        return visible(name, version, false);
    }

    /**
     * Whether the caller may learn that a server exists (version null) or one of its versions does: whether any such
     * version, deleted ones included, is visible to them.
     */
    public boolean sees(String name, String version) {
        return rows.any(byName(name, version, false, true, visibility()));
    }

    /** {@link #list} as JSON, from the read cache when nothing changed since it was computed. */
    public Uni<byte[]> listJson(ListParams p) {
        ReadCache.Shelf shelf = p.afterName() == null ? ReadCache.Shelf.ANSWERS : ReadCache.Shelf.CURSOR_PAGES;
        return callerVisibility().chain(visibility ->
                cache.get(shelf, "list|" + key(visibility) + "|" + p, () -> list(p, visibility)));
    }

    /** {@link #versions} as JSON, cached like {@link #listJson}. */
    public Uni<byte[]> versionsJson(String name, boolean includeDeleted) {
        return callerVisibility().chain(visibility ->
                cache.get("versions|" + key(visibility) + "|" + includeDeleted + "|" + name,
                        () -> versions(name, includeDeleted, visibility)));
    }

    /** {@link #version} as JSON, cached like {@link #listJson}. */
    public Uni<byte[]> versionJson(String name, String version, boolean includeDeleted) {
        return callerVisibility().chain(visibility ->
                cache.get("version|" + key(visibility) + "|" + includeDeleted + "|" + name.length() + ":" + name + "|" + version,
                        () -> views.response(visible(name, version, includeDeleted, visibility))));
    }

    /** Readers who see the same entries share cached answers. */
    private static String key(ServerQuery.Visibility visibility) {
        return visibility.all() ? "all" : "teams:" + String.join(",", new TreeSet<>(visibility.teams()));
    }

    private static ServerQuery byName(String name, String version, boolean latest, boolean includeDeleted,
            ServerQuery.Visibility visibility) {
        return new ServerQuery(name, null, null, 0, null, null, latest, version, includeDeleted, visibility);
    }

    /** {@link #visibility()} without blocking the thread, which may be the event loop, for the token to be verified. */
    private Uni<ServerQuery.Visibility> callerVisibility() {
        return identities.getDeferredIdentity().map(identity -> visibility(Caller.of(identity)));
    }

    /** Who may read, and which unlisted entries they see. */
    ServerQuery.Visibility visibility() {
        return visibility(caller);
    }

    private ServerQuery.Visibility visibility(Caller reader) {
        readAccess.require(reader);
        if (reader.anonymous()) {
            return ServerQuery.Visibility.listedOnly();
        }
        if (reader.seesAllEntries()) {
            return new ServerQuery.Visibility(true, Set.of());
        }
        if (reader.has(Roles.PUBLISHER)) {
            return new ServerQuery.Visibility(false, reader.teams());
        }
        return ServerQuery.Visibility.listedOnly();
    }
}
