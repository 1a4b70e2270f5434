package io.mcpgov.registry.report;

import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.common.Times;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Reads the governance report from one connection, one query per section. Servers are their latest versions. */
@ApplicationScoped
class GovernanceReportRepository {

    private final AgroalDataSource dataSource;

    GovernanceReportRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    GovernanceReport read(int expiringWithinDays, int endedWithinDays, String team) {
        Instant now = Times.now();
        try (Connection c = dataSource.getConnection()) {
            String latest = " FROM server_version sv WHERE sv.is_latest" + (team == null ? "" : " AND sv.owning_team = ?");
            Map<String, Long> byAuth = new LinkedHashMap<>();
            byAuth.put("oauth2", 0L);
            byAuth.put("api-key", 0L);
            byAuth.put("none", 0L);
            counts(c, "SELECT CASE WHEN sv.has_oauth THEN 'oauth2' WHEN sv.has_remote_api_key OR sv.has_package_secret"
                    + " THEN 'api-key' ELSE 'none' END, count(*)" + latest + " GROUP BY 1", team, byAuth);
            Map<String, Long> byVerification = new TreeMap<>();
            counts(c, "SELECT sv.oauth_verification, count(*)" + latest + " GROUP BY 1", team, byVerification);
            Map<String, Long> noContact = new TreeMap<>();
            counts(c, "SELECT 'none', count(*)" + latest + " AND sv.contact IS NULL", team, noContact);

            String exceptionTeam = team == null ? "" : " AND e.owning_team = ?";
            Row<GovernanceReport.ExceptionLine> exception = rs -> new GovernanceReport.ExceptionLine(
                    rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    instant(rs, 6), rs.getString(7), instant(rs, 8));
            String exceptionColumns = "SELECT e.id, e.server_name, e.owning_team, e.classification, ";
            List<GovernanceReport.ExceptionLine> expiring = list(c, exceptionColumns + "'approved', e.expires_at, NULL,"
                    + " NULL FROM api_key_exception e WHERE e.state = 'approved' AND e.expires_at > now()"
                    + " AND e.expires_at <= now() + make_interval(days => ?)" + exceptionTeam
                    + " ORDER BY e.expires_at, e.id", exception, expiringWithinDays, team);
            List<GovernanceReport.ExceptionLine> expired = list(c, exceptionColumns + "'expired', e.expires_at, NULL,"
                    + " NULL FROM api_key_exception e WHERE e.state IN ('pending', 'approved') AND e.expires_at <= now()"
                    + " AND e.expires_at > now() - make_interval(days => ?)" + exceptionTeam
                    + " ORDER BY e.expires_at, e.id", exception, endedWithinDays, team);
            List<GovernanceReport.ExceptionLine> revoked = list(c, exceptionColumns + "'revoked', e.expires_at,"
                    + " e.revoked_by, e.revoked_at FROM api_key_exception e WHERE e.state = 'revoked'"
                    + " AND e.revoked_at > now() - make_interval(days => ?)" + exceptionTeam
                    + " ORDER BY e.revoked_at, e.id", exception, endedWithinDays, team);

            List<GovernanceReport.OrphanedServer> orphaned = list(c, "SELECT sv.name, sv.owning_team,"
                    + " sv.accountable_owner, os.offboarded_at FROM server_version sv"
                    + " JOIN offboarded_subject os ON os.subject = sv.accountable_owner WHERE sv.is_latest"
                    + (team == null ? "" : " AND sv.owning_team = ?") + " ORDER BY sv.name",
                    rs -> new GovernanceReport.OrphanedServer(rs.getString(1), rs.getString(2), rs.getString(3),
                            instant(rs, 4)), team);
            List<GovernanceReport.DecisionToRetake> retake = list(c, """
                    SELECT f.target_type, f.target_id, f.server_name, f.subject, f.role, f.flagged_at
                    FROM decision_flag f LEFT JOIN server_version sv ON sv.name = f.server_name AND sv.is_latest
                    WHERE f.resolved_at IS NULL AND NOT (f.target_type = 'exception' AND EXISTS (
                        SELECT 1 FROM api_key_exception e WHERE e.id::text = f.target_id
                        AND (e.state IN ('rejected', 'revoked') OR e.expires_at <= now())))
                    AND NOT (f.target_type = 'tool-review' AND EXISTS (
                        SELECT 1 FROM tool_review r WHERE r.id::text = f.target_id AND r.state IN ('rejected', 'revoked')))"""
                    + (team == null ? "" : " AND sv.owning_team = ?") + " ORDER BY f.flagged_at, f.id",
                    rs -> new GovernanceReport.DecisionToRetake(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), instant(rs, 6)), team);
            List<GovernanceReport.PendingTool> tools = list(c, """
                    SELECT r.id, r.server_name, r.first_version, r.owning_team, r.tool_name, r.requested_by, r.requested_at
                    FROM tool_review r WHERE r.state = 'pending' AND r.classification = 'destructive'"""
                    + (team == null ? "" : " AND r.owning_team = ?") + " ORDER BY r.server_name, r.tool_name, r.requested_at",
                    rs -> new GovernanceReport.PendingTool(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7)), team);
            List<GovernanceReport.OverdueReview> overdue = list(c, """
                    SELECT rc.id, rc.name, ri.server_name, iv.version, iv.owning_team, iv.accountable_owner, ri.due_at,
                           floor(extract(epoch FROM now() - ri.due_at) / 86400)::bigint
                    FROM review_item ri JOIN review_campaign rc ON rc.id = ri.campaign_id
                    JOIN server_version iv ON iv.id = ri.server_version_id
                    WHERE ri.current AND ri.state = 'pending' AND ri.due_at < now()"""
                    + (team == null ? "" : " AND iv.owning_team = ?") + " ORDER BY ri.due_at, ri.server_name",
                    rs -> new GovernanceReport.OverdueReview(rs.getObject(1, UUID.class), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7),
                            rs.getLong(8)), team);

            return new GovernanceReport(now, new GovernanceReport.Parameters(expiringWithinDays, endedWithinDays, team),
                    byAuth, byVerification, noContact.getOrDefault("none", 0L), expiring, expired, revoked, orphaned,
                    retake, tools, overdue);
        } catch (SQLException e) {
            throw new IllegalStateException("Building the governance report failed", e);
        }
    }

    private static void counts(Connection c, String sql, String team, Map<String, Long> into) throws SQLException {
        for (Object[] row : list(c, sql, rs -> new Object[] {rs.getString(1), rs.getLong(2)}, team)) {
            into.put((String) row[0], (Long) row[1]);
        }
    }

    /** Runs {@code sql} with the parameters that are not null, in order. */
    private static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int index = 1;
            for (Object p : params) {
                if (p != null) {
                    ps.setObject(index++, p);
                }
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row.map(rs));
                }
            }
            return out;
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
