package io.mcpgov.registry.support;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Direct SQL for tests that must set up what no API does, such as an exception requested long ago. */
public final class Sql {

    private Sql() {
    }

    public static int update(String sql, Object... params) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row of a query, or null when it has no row. */
    public static Object query(String sql, Object... params) {
        AgroalDataSource dataSource = Arc.container().instance(AgroalDataSource.class).get();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Brings an exception's end close, as if it had been requested long ago. */
    public static void endExceptionIn(String id, int seconds) {
        int updated = update("UPDATE api_key_exception SET expires_at = now() + make_interval(secs => ?) WHERE id = ?",
                seconds, java.util.UUID.fromString(id));
        if (updated != 1) {
            throw new IllegalStateException("No exception " + id);
        }
    }
}
