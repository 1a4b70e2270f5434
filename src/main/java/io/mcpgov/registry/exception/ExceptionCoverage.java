package io.mcpgov.registry.exception;

import io.mcpgov.registry.common.Jdbc;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import io.mcpgov.registry.publish.VersionPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Records which versions each exception covers, so that the listing gate can check coverage with one indexed join.
 * Coverage is written when an exception is requested (for existing versions) and when a version is published (for
 * the server's open exceptions); whether it counts is decided at read time from the exception's state and end.
 */
@ApplicationScoped
public class ExceptionCoverage {

    private final ExceptionRepository exceptions;
    private final ServerVersionRepository versions;
    private final Jdbc jdbc;

    ExceptionCoverage(ExceptionRepository exceptions, ServerVersionRepository versions, Jdbc jdbc) {
        this.jdbc = jdbc;
        this.exceptions = exceptions;
        this.versions = versions;
    }

    /** A new version joins the open exceptions whose range covers it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void coverNewVersion(@Observes VersionPublished published) {
        ServerVersion version = published.entry();
        // plain JDBC: it runs for every version published or imported, and almost always finds nothing
        record Open(UUID id, String versionRange) {
        }
        jdbc.list("Reading the open exceptions of a server",
                "SELECT id, version_range FROM api_key_exception WHERE server_name = ? AND state IN ('pending', 'approved')",
                ps -> ps.setString(1, version.name), rs -> new Open(rs.getObject(1, UUID.class), rs.getString(2)))
                .stream()
                .filter(open -> VersionRange.covers(open.versionRange(), version.version))
                .forEach(open -> insert(open.id(), version.id));
    }

    /** Covers the existing versions in the exception's range; returns them, oldest first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<ServerVersion> coverExisting(ExceptionEntry exception) {
        List<ServerVersion> covered = versions.allVersions(exception.serverName).stream()
                .filter(v -> VersionRange.covers(exception.versionRange, v.version))
                .toList();
        covered.forEach(v -> insert(exception.id, v.id));
        return covered;
    }

    public List<Long> coveredVersionIds(UUID exceptionId) {
        @SuppressWarnings("unchecked")
        List<Number> found = em().createNativeQuery(
                        "SELECT server_version_id FROM exception_coverage WHERE exception_id = ?1 ORDER BY server_version_id")
                .setParameter(1, exceptionId)
                .getResultList();
        return found.stream().map(Number::longValue).toList();
    }

    /** Who published the versions the exception covers. */
    List<String> coveredPublishers(UUID exceptionId) {
        @SuppressWarnings("unchecked")
        List<String> found = em().createNativeQuery("""
                SELECT DISTINCT sv.published_by FROM exception_coverage ec JOIN server_version sv ON sv.id = ec.server_version_id
                WHERE ec.exception_id = ?1""")
                .setParameter(1, exceptionId)
                .getResultList();
        return found;
    }

    public List<String> coveredVersions(UUID exceptionId) {
        @SuppressWarnings("unchecked")
        List<String> found = em().createNativeQuery("""
                SELECT sv.version FROM exception_coverage ec JOIN server_version sv ON sv.id = ec.server_version_id
                WHERE ec.exception_id = ?1 ORDER BY sv.published_at, sv.id""")
                .setParameter(1, exceptionId)
                .getResultList();
        return found;
    }

    private void insert(UUID exceptionId, Long versionId) {
        em().createNativeQuery("INSERT INTO exception_coverage (exception_id, server_version_id) VALUES (?1, ?2)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, exceptionId)
                .setParameter(2, versionId)
                .executeUpdate();
    }

    private EntityManager em() {
        return exceptions.getEntityManager();
    }
}
