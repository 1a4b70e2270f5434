package io.mcpgov.registry.audit;

import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.database.LongWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the audit trail in id order, either a page at a time or streamed through a server-side cursor, so that
 * exporting or verifying a million events holds one fetch of rows in memory, never the trail.
 */
@ApplicationScoped
public class AuditReader {

    static final int FETCH_SIZE = 1000;

    /** Receives events one at a time; returns false to stop reading. */
    @FunctionalInterface
    public interface Sink {
        boolean accept(StoredEvent event) throws IOException;
    }

    private final AgroalDataSource dataSource;
    private final LongWork longWork;

    AuditReader(AgroalDataSource dataSource, LongWork longWork) {
        this.dataSource = dataSource;
        this.longWork = longWork;
    }

    /** Up to {@code limit} events after the id {@code afterId}. */
    public List<StoredEvent> page(AuditFilter filter, long afterId, int limit) {
        List<StoredEvent> found = new ArrayList<>(Math.min(limit, 1024));
        try (Connection c = dataSource.getConnection()) {
            List<Object> params = new ArrayList<>();
            String sql = select(filter, afterId, params) + " LIMIT ?";
            params.add(limit);
            try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(StoredEvent.read(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the audit trail failed", e);
        }
    }

    /**
     * Every matching event, in id order, from one snapshot; returns how many were read. An {@link IOException} of
     * the sink (a client that went away) ends the read and is rethrown.
     */
    public long stream(AuditFilter filter, Sink sink) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            // pgjdbc reads through a cursor, fetch by fetch, only inside a transaction
            c.setAutoCommit(false);
            // a filter that matches few events may scan the whole trail before the first row comes back
            try (LongWork.Allowance allowance = longWork.allow(c)) {
                List<Object> params = new ArrayList<>();
                long count = 0;
                try (PreparedStatement ps = prepare(c, select(filter, 0, params), params)) {
                    ps.setFetchSize(FETCH_SIZE);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            count++;
                            if (!sink.accept(StoredEvent.read(rs))) {
                                break;
                            }
                        }
                    }
                }
                return count;
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the audit trail failed", e);
        }
    }

    private static String select(AuditFilter f, long afterId, List<Object> params) {
        StringBuilder sql = new StringBuilder("SELECT ").append(StoredEvent.COLUMNS).append(" FROM audit_event WHERE id > ?");
        params.add(afterId);
        if (f.from() != null) {
            sql.append(" AND occurred_at >= ?");
            params.add(f.from().atOffset(ZoneOffset.UTC));
        }
        if (f.to() != null) {
            sql.append(" AND occurred_at < ?");
            params.add(f.to().atOffset(ZoneOffset.UTC));
        }
        condition(sql, params, "actor_subject", f.actor());
        condition(sql, params, "action", f.action());
        condition(sql, params, "target_type", f.targetType());
        condition(sql, params, "target_id", f.targetId());
        condition(sql, params, "request_id", f.requestId());
        return sql.append(" ORDER BY id").toString();
    }

    private static void condition(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }
}
