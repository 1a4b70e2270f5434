package io.mcpgov.registry.server;

import io.mcpgov.registry.common.Jdbc;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Server versions. The statements every publish and import runs (lock, state, latest flag) are plain JDBC on the
 * transaction's connection, which they share with the entity manager: cheaper than native queries through it.
 */
@ApplicationScoped
public class ServerVersionRepository implements PanacheRepositoryBase<ServerVersion, Long> {

    @Inject
    Jdbc jdbc;

    /**
     * Serialises writes to one server (publish, status changes) until the transaction ends, so that latest-version
     * bookkeeping and duplicate checks cannot race. Other servers are not blocked.
     */
    public void lockServer(String name) {
        jdbc.list("Locking a server", "SELECT pg_advisory_xact_lock(hashtextextended(?, 7))",
                ps -> ps.setString(1, name), rs -> Boolean.TRUE);
    }

    /**
     * Locks several servers as {@link #lockServer} does, in one statement and in the order of the lock keys, so that
     * two callers locking overlapping sets wait for each other instead of deadlocking.
     */
    public void lockServers(Collection<String> names) {
        if (names.isEmpty()) {
            return;
        }
        jdbc.list("Locking servers", """
                SELECT count(pg_advisory_xact_lock(k)) FROM (
                    SELECT DISTINCT hashtextextended(n, 7) AS k FROM unnest(?::text[]) AS n ORDER BY k OFFSET 0) AS keys""",
                ps -> Jdbc.setTextArray(ps, 1, names.toArray()), rs -> Boolean.TRUE);
    }

    public Optional<ServerVersion> findVersion(String name, String version) {
        return find("name = ?1 and version = ?2", name, version).firstResultOptional();
    }

    public Optional<ServerVersion> latest(String name) {
        return find("name = ?1 and latest = true", name).firstResultOptional();
    }

    public long countVersions(String name) {
        return count("name", name);
    }

    /** All versions of a server, oldest published first. */
    public List<ServerVersion> allVersions(String name) {
        return find("name = ?1 order by publishedAt, id", name).list();
    }

    /** Every version of a server, oldest published first, without their documents. */
    public List<VersionRef> versionRefs(String name) {
        return jdbc.list("Reading the versions of a server",
                "SELECT id, version FROM server_version WHERE name = ? ORDER BY published_at, id",
                ps -> ps.setString(1, name), rs -> new VersionRef(rs.getLong(1), rs.getString(2)));
    }

    /** Who published one version. */
    @SuppressWarnings("unchecked")
    public List<String> publishersOf(long versionId) {
        return getEntityManager().createNativeQuery("SELECT published_by FROM server_version WHERE id = ?1")
                .setParameter(1, versionId).getResultList();
    }

    /** The server's accountable owner (every version carries it). */
    @SuppressWarnings("unchecked")
    public List<String> accountableOwners(String name) {
        return getEntityManager()
                .createNativeQuery("SELECT DISTINCT accountable_owner FROM server_version WHERE name = ?1")
                .setParameter(1, name).getResultList();
    }

    /** Empties the persistence context: a transaction that stores many versions keeps each flush cheap. */
    public void detachAll() {
        getEntityManager().clear();
    }

    /** Refreshes the planner's statistics of the tables discovery reads (after a bulk load). */
    public int refreshStatistics() {
        return getEntityManager().createNativeQuery("ANALYZE server_version,"
                + " listing_state, exception_coverage, tool_set, server_tool, remote_url").executeUpdate();
    }

    /**
     * Which of the given (name, version) pairs are stored, as {@link #key} strings: one query for a whole page of
     * an import instead of one per entry.
     */
    public Set<String> stored(List<String> names, List<String> versions) {
        return new HashSet<>(jdbc.list("Reading which versions are stored", """
                SELECT sv.name, sv.version FROM server_version sv
                JOIN unnest(?, ?) AS k(name, version) ON sv.name = k.name AND sv.version = k.version""", ps -> {
            Jdbc.setTextArray(ps, 1, names.toArray());
            Jdbc.setTextArray(ps, 2, versions.toArray());
        }, rs -> key(rs.getString(1), rs.getString(2))));
    }

    /** One string for a (name, version) pair; names and versions never contain a NUL. */
    public static String key(String name, String version) {
        return name + '\0' + version;
    }

    /** A version's id and version string, without its document. */
    public record VersionRef(long id, String version) {
    }

    /** What publishing a new version needs to know about the server, in one query. */
    public ServerState state(String name, String version) {
        return jdbc.list("Reading a server's versions", """
                SELECT count(*), coalesce(bool_or(version = ?), false),
                       max(version) FILTER (WHERE is_latest), max(id) FILTER (WHERE is_latest)
                FROM server_version WHERE name = ?""", ps -> {
            ps.setString(1, version);
            ps.setString(2, name);
        }, rs -> {
            long latestId = rs.getLong(4);
            return new ServerState(rs.getLong(1), rs.getBoolean(2), rs.getString(3), rs.wasNull() ? null : latestId);
        }).get(0);
    }

    /** Takes the latest flag off a version (a newer one replaces it). */
    public void unsetLatest(long id, Instant now) {
        jdbc.update("Moving the latest flag", "UPDATE server_version SET is_latest = false, updated_at = ? WHERE id = ?",
                ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    ps.setLong(2, id);
                });
    }

    /**
     * @param versions how many versions the server has
     * @param exists whether the version asked about is one of them
     * @param latestVersion the current latest version, or null
     */
    public record ServerState(long versions, boolean exists, String latestVersion, Long latestId) {
    }
}
