package io.mcpgov.registry.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Starts a real PostgreSQL server from the embedded binaries on Maven Central, for the local run and the tests.
 * One server per JVM; it stops when the JVM exits.
 */
public final class EmbeddedPostgresLauncher {

    public static final String DATABASE = "registry";

    private static EmbeddedPostgres server;

    private EmbeddedPostgresLauncher() {
    }

    /**
     * @param dataDirectory where the cluster lives; kept across runs unless {@code clean}
     * @param port TCP port on localhost, 0 for a free one
     * @return the JDBC URL of the {@value #DATABASE} database (user {@code postgres}, no password)
     */
    public static synchronized String start(Path dataDirectory, int port, boolean clean) {
        if (server == null) {
            try {
                Files.createDirectories(dataDirectory);
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory)
                        .setCleanDataDirectory(clean)
                        .setPort(port)
                        .setServerConfig("max_connections", "200")
                        .start();
                createDatabaseIfMissing(server);
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresLauncher::stop, "embedded-postgres-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDirectory, e);
            }
        }
        return jdbcUrl();
    }

    public static synchronized String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    public static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                // the JVM is going away; nothing useful to do
            }
            server = null;
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg) throws IOException {
        try (Connection c = pg.getPostgresDatabase().getConnection();
             var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    c.createStatement().execute("CREATE DATABASE " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the " + DATABASE + " database", e);
        }
    }
}
