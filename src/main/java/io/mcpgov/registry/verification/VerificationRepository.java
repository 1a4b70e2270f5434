package io.mcpgov.registry.verification;

import io.mcpgov.registry.common.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What verification keeps: the state of each version's OAuth claim and its view (on {@code server_version}), the
 * next check's due time, and the last result of each remote (table {@code remote_verification}). The statements every
 * check runs are plain JDBC on the transaction's connection: they run in the background for every check, and the
 * entity would carry the whole document along.
 */
@ApplicationScoped
class VerificationRepository {

    /** A version to verify as stored: its name, version and auth profile (JSON). */
    record StoredTarget(String name, String version, String authProfileJson) {
    }

    /** One remote's result, to store: its index among the version's remotes, its URL, verdict and result (JSON). */
    record RemoteResult(int remoteIndex, String url, String verdict, String resultJson) {
    }

    private final EntityManager em;
    private final Jdbc jdbc;

    VerificationRepository(EntityManager em, Jdbc jdbc) {
        this.em = em;
        this.jdbc = jdbc;
    }

    Optional<StoredTarget> target(long versionId) {
        return jdbc.list("Reading a version to verify", "SELECT name, version, auth_profile::text FROM server_version WHERE id = ?",
                ps -> ps.setLong(1, versionId),
                rs -> new StoredTarget(rs.getString(1), rs.getString(2), rs.getString(3)))
                .stream().findFirst();
    }

    /**
     * Claims versions due for a check (skipping rows another instance holds) and moves their next check one interval
     * ahead, so that several instances share the work without doing it twice.
     */
    @SuppressWarnings("unchecked")
    List<Long> claimDue(Duration interval, int limit) {
        List<Number> ids = em.createNativeQuery("""
                UPDATE server_version SET verification_due_at = now() + make_interval(secs => ?1)
                WHERE id IN (SELECT id FROM server_version
                             WHERE verification_due_at <= now() AND status <> 'deleted'
                             ORDER BY verification_due_at LIMIT ?2 FOR UPDATE SKIP LOCKED)
                RETURNING id""")
                .setParameter(1, (double) interval.toSeconds())
                .setParameter(2, limit)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** The state of the version's OAuth claim, its row locked until the transaction ends; empty when it is gone. */
    Optional<String> lockClaimState(long versionId) {
        return jdbc.list("Locking a verified version",
                "SELECT oauth_verification FROM server_version WHERE id = ? FOR UPDATE",
                ps -> ps.setLong(1, versionId), rs -> rs.getString(1)).stream().findFirst();
    }

    /** Stores the last result of each of the version's remotes, in one batch. */
    void storeResults(long versionId, List<RemoteResult> results, Instant checkedAt) {
        jdbc.batch("Storing verification results", """
                INSERT INTO remote_verification (server_version_id, remote_index, url, verdict, checked_at, result)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))
                ON CONFLICT (server_version_id, remote_index) DO UPDATE
                SET url = EXCLUDED.url, verdict = EXCLUDED.verdict, checked_at = EXCLUDED.checked_at, result = EXCLUDED.result""",
                results, (ps, result) -> {
                    ps.setLong(1, versionId);
                    ps.setInt(2, result.remoteIndex());
                    ps.setString(3, result.url());
                    ps.setString(4, result.verdict());
                    ps.setTimestamp(5, Timestamp.from(checkedAt));
                    ps.setString(6, result.resultJson());
                });
    }

    /** Stores the version's verification view and claim state; a changed state counts as an update of the entry. */
    void storeView(long versionId, String viewJson, String state, boolean changed, Instant now) {
        jdbc.update("Storing a verification view", """
                UPDATE server_version SET verification = CAST(? AS jsonb), oauth_verification = ?,
                    updated_at = CASE WHEN ? THEN ? ELSE updated_at END
                WHERE id = ?""", ps -> {
            ps.setString(1, viewJson);
            ps.setString(2, state);
            ps.setBoolean(3, changed);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setLong(5, versionId);
        });
    }

    /** The full result (JSON) of the last check of each remote, in remote order. */
    @SuppressWarnings("unchecked")
    List<String> lastResults(long versionId) {
        return em.createNativeQuery(
                        "SELECT result::text FROM remote_verification WHERE server_version_id = ?1 ORDER BY remote_index")
                .setParameter(1, versionId)
                .getResultList();
    }
}
