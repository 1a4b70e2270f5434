package io.mcpgov.registry.exception;

import io.mcpgov.registry.common.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** Which versions each exception covers (table {@code exception_coverage}), and the open exceptions of a server. */
@ApplicationScoped
class ExceptionCoverageRepository {

    /** An exception that a newly published version may join: pending or approved, with its version range. */
    record OpenException(UUID id, String versionRange) {
    }

    private final EntityManager em;
    private final Jdbc jdbc;

    ExceptionCoverageRepository(EntityManager em, Jdbc jdbc) {
        this.em = em;
        this.jdbc = jdbc;
    }

    /** Plain JDBC: it runs for every version published or imported, and almost always finds nothing. */
    List<OpenException> openExceptions(String serverName) {
        return jdbc.list("Reading the open exceptions of a server",
                "SELECT id, version_range FROM api_key_exception WHERE server_name = ? AND state IN ('pending', 'approved')",
                ps -> ps.setString(1, serverName),
                rs -> new OpenException(rs.getObject(1, UUID.class), rs.getString(2)));
    }

    void cover(UUID exceptionId, Long versionId) {
        em.createNativeQuery("INSERT INTO exception_coverage (exception_id, server_version_id) VALUES (?1, ?2)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, exceptionId)
                .setParameter(2, versionId)
                .executeUpdate();
    }

    List<Long> coveredVersionIds(UUID exceptionId) {
        @SuppressWarnings("unchecked")
        List<Number> found = em.createNativeQuery(
                        "SELECT server_version_id FROM exception_coverage WHERE exception_id = ?1 ORDER BY server_version_id")
                .setParameter(1, exceptionId)
                .getResultList();
        return found.stream().map(Number::longValue).toList();
    }

    /** Who published the versions the exception covers. */
    List<String> coveredPublishers(UUID exceptionId) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("""
                SELECT DISTINCT sv.published_by FROM exception_coverage ec JOIN server_version sv ON sv.id = ec.server_version_id
                WHERE ec.exception_id = ?1""")
                .setParameter(1, exceptionId)
                .getResultList();
        return found;
    }

    List<String> coveredVersions(UUID exceptionId) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("""
                SELECT sv.version FROM exception_coverage ec JOIN server_version sv ON sv.id = ec.server_version_id
                WHERE ec.exception_id = ?1 ORDER BY sv.published_at, sv.id""")
                .setParameter(1, exceptionId)
                .getResultList();
        return found;
    }
}
