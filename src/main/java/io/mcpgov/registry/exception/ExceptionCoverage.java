package io.mcpgov.registry.exception;

import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import io.mcpgov.registry.publish.VersionPublished;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
    private final AgroalDataSource dataSource;

    ExceptionCoverage(ExceptionRepository exceptions, ServerVersionRepository versions, AgroalDataSource dataSource) {
        this.dataSource = dataSource;
        this.exceptions = exceptions;
        this.versions = versions;
    }

    /** A new version joins the open exceptions whose range covers it. */
    @Transactional(Transactional.TxType.MANDATORY)
    void coverNewVersion(@Observes VersionPublished published) {
        ServerVersion version = published.entry();
        // plain JDBC: it runs for every version published or imported, and almost always finds nothing
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, version_range FROM api_key_exception WHERE server_name = ? AND state IN ('pending', 'approved')")) {
            ps.setString(1, version.name);
            List<UUID> covering = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (VersionRange.covers(rs.getString(2), version.version)) {
                        covering.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            covering.forEach(id -> insert(id, version.id));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the open exceptions of a server failed", e);
        }
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
