package io.mcpgov.registry.server;

import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.ReadAccess;
import io.mcpgov.registry.security.Roles;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;

/** Discovery: lists and lookups, each filtered by the listing gate for the caller. */
@ApplicationScoped
public class ServerReadService {

    private final Caller caller;
    private final ReadAccess readAccess;
    private final ServerRowRepository rows;
    private final ServerViews views;
    private final ReadCache cache;
    private final CurrentIdentityAssociation identities;
    // how each cached answer is computed, from its query alone (once, not a function per read)
    private final Function<ListAnswer, Object> listAnswer = q -> list(q.params(), q.visibility());
    private final Function<VersionsAnswer, Object> versionsAnswer =
            q -> versions(q.name(), q.includeDeleted(), q.visibility());
    private final Function<VersionAnswer, Object> versionAnswer = this::version;

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
        return callerVisibility().chain(visibility -> cache.get(shelf, new ListAnswer(p, visibility), listAnswer));
    }

    /** {@link #versions} as JSON, cached like {@link #listJson}. */
    public Uni<byte[]> versionsJson(String name, boolean includeDeleted) {
        return callerVisibility().chain(visibility -> cache.get(ReadCache.Shelf.ANSWERS,
                new VersionsAnswer(name, includeDeleted, visibility), versionsAnswer));
    }

    /** {@link #version} as JSON, cached like {@link #listJson}. */
    public Uni<byte[]> versionJson(String name, String version, boolean includeDeleted) {
        return callerVisibility().chain(visibility -> cache.get(ReadCache.Shelf.ANSWERS,
                VersionAnswer.of(name, version, includeDeleted, visibility), versionAnswer));
    }

    // What the cached answers are kept under: everything an answer depends on, the reader's visibility included
    // (readers who see the same entries share answers). Each computes its answer without the request.

    private record ListAnswer(ListParams params, ServerQuery.Visibility visibility) {
    }

    private record VersionsAnswer(String name, boolean includeDeleted, ServerQuery.Visibility visibility) {
    }

    /**
     * One version. A registry of 100,000 versions keeps as many of these, so the name and the version share one string
     * ({@code nameLength} tells them apart): one string and one array fewer per version kept. The cache weighs a query
     * by its text, which this keeps to about the memory the query takes.
     */
    private record VersionAnswer(String nameAndVersion, int nameLength, boolean includeDeleted,
            ServerQuery.Visibility visibility) {

        static VersionAnswer of(String name, String version, boolean includeDeleted, ServerQuery.Visibility visibility) {
            return new VersionAnswer(name + version, name.length(), includeDeleted, visibility);
        }

        String name() {
            return nameAndVersion.substring(0, nameLength);
        }

        String version() {
            return nameAndVersion.substring(nameLength);
        }

        @Override
        public String toString() {
            return "VersionAnswer[" + nameAndVersion + ", " + includeDeleted + ", " + visibility + "]";
        }
    }

    private ServerResponse version(VersionAnswer q) {
        return views.response(visible(q.name(), q.version(), q.includeDeleted(), q.visibility()));
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
            return ServerQuery.Visibility.ALL;
        }
        if (reader.has(Roles.PUBLISHER)) {
            return new ServerQuery.Visibility(false, reader.teams());
        }
        return ServerQuery.Visibility.listedOnly();
    }
}
