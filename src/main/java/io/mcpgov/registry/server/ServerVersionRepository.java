package io.mcpgov.registry.server;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ServerVersionRepository implements PanacheRepositoryBase<ServerVersion, Long> {

    /**
     * Serialises writes to one server (publish, status changes) until the transaction ends, so that latest-version
     * bookkeeping and duplicate checks cannot race. Other servers are not blocked.
     */
    public void lockServer(String name) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 7))")
                .setParameter(1, name)
                .getSingleResult();
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

    /** A version's id and version string, without its document. */
    public record VersionRef(long id, String version) {
    }

    /** The server's versions in publication order, ids and version strings only. */
    public List<VersionRef> versionRefs(String name) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery("SELECT id, version FROM server_version WHERE name = ?1 ORDER BY published_at, id")
                .setParameter(1, name)
                .getResultList();
        return rows.stream().map(r -> new VersionRef(((Number) r[0]).longValue(), (String) r[1])).toList();
    }

    /** What publishing a new version needs to know about the server, in one query. */
    public ServerState state(String name, String version) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                SELECT count(*), bool_or(version = ?2),
                       max(version) FILTER (WHERE is_latest), max(id) FILTER (WHERE is_latest)
                FROM server_version WHERE name = ?1""")
                .setParameter(1, name)
                .setParameter(2, version)
                .getSingleResult();
        return new ServerState(((Number) row[0]).longValue(), Boolean.TRUE.equals(row[1]), (String) row[2],
                row[3] == null ? null : ((Number) row[3]).longValue());
    }

    /** Takes the latest flag off a version (a newer one replaces it). */
    public void unsetLatest(long id, java.time.Instant now) {
        getEntityManager().createNativeQuery("UPDATE server_version SET is_latest = false, updated_at = ?2 WHERE id = ?1")
                .setParameter(1, id)
                .setParameter(2, now)
                .executeUpdate();
    }

    /**
     * @param versions how many versions the server has
     * @param exists whether the version asked about is one of them
     * @param latestVersion the current latest version, or null
     */
    public record ServerState(long versions, boolean exists, String latestVersion, Long latestId) {
    }
}
