package io.mcpgov.registry.database;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Work whose statements may legitimately run for minutes (a cursor over the whole audit trail, a review campaign over
 * every server, statistics after an import): its transaction gets {@code registry.database.long-statement-timeout}
 * instead of the limits of request work. The limits are raised by a statement that itself runs under the request
 * limits, so a database that does not answer is still noticed within seconds when such work begins.
 */
@ApplicationScoped
public class LongWork {

    /** Puts a connection's answer wait back as it was; never throws. */
    @FunctionalInterface
    public interface Allowance extends AutoCloseable {
        @Override
        void close();
    }

    private final DatabaseConfig config;
    private final AgroalDataSource dataSource;

    LongWork(DatabaseConfig config, AgroalDataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    /**
     * Raises the limits of {@code connection}, which must be in a transaction (auto-commit off), for the rest of that
     * transaction; close the allowance when the work is done (the server-side limits end with the transaction).
     */
    public Allowance allow(Connection connection) throws SQLException {
        return raise(connection, config, true);
    }

    /** Runs {@code work} in the caller's JTA transaction, on its connection, under the limits of long work. */
    public <T> T inTransaction(SqlWork<T> work) {
        // inside a transaction the pool hands out the transaction's own connection; closing it here returns nothing
        try (Connection c = dataSource.getConnection(); Allowance ignored = allow(c)) {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException("Raising the database limits of long work failed", e);
        }
    }

    /** Work run under raised limits. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run();
    }

    /**
     * Sets the long-work limits on {@code connection}: for its current transaction ({@code local}) or its session.
     */
    static Allowance raise(Connection connection, DatabaseConfig config, boolean local) throws SQLException {
        long millis = config.longStatementTimeout().toMillis();
        String set = local ? "SET LOCAL " : "SET ";
        try (Statement s = connection.createStatement()) {
            s.execute(set + "statement_timeout = " + millis + "; " + set + "lock_timeout = " + millis);
        }
        int before = connection.getNetworkTimeout();
        connection.setNetworkTimeout(Runnable::run, answerWait(config));
        return () -> {
            try {
                connection.setNetworkTimeout(Runnable::run, before);
            } catch (SQLException e) {
                // the connection broke meanwhile: the pool discards it
            }
        };
    }

    /** How long long work waits for an answer, in milliseconds; 0 (no limit) when its statements have none. */
    static int answerWait(DatabaseConfig config) {
        Duration statements = config.longStatementTimeout();
        if (statements.isZero() || statements.isNegative()) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, statements.plus(config.networkTimeout()).toMillis());
    }
}
