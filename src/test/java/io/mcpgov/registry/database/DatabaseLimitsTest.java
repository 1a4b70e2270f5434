package io.mcpgov.registry.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Request work runs under the short limits on every pooled connection, the start's long limits included (they end
 * with the start); long work raises them for its own transaction only.
 */
@QuarkusTest
@RegistryTest
class DatabaseLimitsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    LongWork longWork;

    @Test
    void everyConnectionOfThePoolHasTheLimitsOfRequestWork() throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            // several at once: not only the one most recently returned
            for (int i = 0; i < 4; i++) {
                held.add(dataSource.getConnection());
            }
            for (Connection c : held) {
                assertThat(c.getNetworkTimeout()).as("wait for an answer, ms").isEqualTo(4000);
                assertThat(show(c, "statement_timeout")).isEqualTo("3s");
                assertThat(show(c, "lock_timeout")).isEqualTo("2s");
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    @Test
    void longWorkRaisesTheLimitsForItsTransactionOnly() throws SQLException {
        List<String> during = QuarkusTransaction.requiringNew().call(() -> longWork.inTransaction(() -> {
            try (Connection c = dataSource.getConnection()) {
                return List.of(show(c, "statement_timeout"), show(c, "lock_timeout"),
                        String.valueOf(c.getNetworkTimeout()));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(during).containsExactly("10min", "10min", String.valueOf(10 * 60_000 + 4000));

        try (Connection c = dataSource.getConnection()) {
            assertThat(show(c, "statement_timeout")).as("after the transaction").isEqualTo("3s");
            assertThat(c.getNetworkTimeout()).isEqualTo(4000);
        }
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
