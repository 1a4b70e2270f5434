package io.mcpgov.registry.server;

import java.time.Instant;
import java.util.Set;

/**
 * What a read asks for.
 *
 * @param afterName keyset cursor: rows strictly after (afterName, afterVersion), or null for the first page
 * @param search case-insensitive substring of the server name, or null
 * @param exactVersion a version to match exactly, or null
 * @param visibility who is reading
 */
public record ServerQuery(
        String name,
        String afterName,
        String afterVersion,
        int limit,
        String search,
        Instant updatedSince,
        boolean latestOnly,
        String exactVersion,
        boolean includeDeleted,
        Visibility visibility) {

    /** The same query without its search term. */
    ServerQuery withoutSearch() {
        return new ServerQuery(name, afterName, afterVersion, limit, null, updatedSince, latestOnly, exactVersion,
                includeDeleted, visibility);
    }

    /**
     * Which unlisted entries a reader may see besides the listed ones: all of them (reviewers, admins) or those
     * owned by the reader's teams.
     */
    public record Visibility(boolean all, Set<String> teams) {
        /** Every entry, listed or not. */
        public static final Visibility ALL = new Visibility(true, Set.of());
        private static final Visibility LISTED_ONLY = new Visibility(false, Set.of());

        public static Visibility listedOnly() {
            return LISTED_ONLY;
        }
    }
}
