package io.mcpgov.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migration that adds server_version.published_by fills it for versions stored before: from the version's publish
 * or import event in the audit trail, else from the accountable owner. Run on a database of its own, migrated to the
 * version before and filled as the registry left it.
 */
@QuarkusTest
@RegistryTest
class PublishedByMigrationTest {

    private static final String HASH = "0".repeat(64);

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void existingVersionsTakeTheirPublisherFromTheAuditTrailElseTheOwner() throws SQLException {
        String database = "published_by_" + System.nanoTime();
        try (Connection admin = dataSource.getConnection(); Statement s = admin.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        String databaseUrl = url.substring(0, url.lastIndexOf('/') + 1) + database;
        try {
            migrate(databaseUrl, "12");
            try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "")) {
                version(c, "com.acme/weather", "1.0.0", "olivia");
                published(c, "server.published", "com.acme/weather@1.0.0", "olivia");
                // a later version inherits the owner, whoever publishes it
                version(c, "com.acme/weather", "1.0.1", "olivia");
                published(c, "server.published", "com.acme/weather@1.0.1", "peter");
                published(c, "tools.recorded", "com.acme/weather@1.0.1", "someone-else");
                version(c, "com.acme/weather", "1.0.2", "olivia");
                published(c, "server.imported", "com.acme/weather@1.0.2", "ada");
                version(c, "com.acme/weather", "1.0.3", "olivia");
                published(c, "server.published", "com.acme/weather@1.0.3", null);
                version(c, "com.acme/alerts", "1.0.0", "zed");
            }
            migrate(databaseUrl, "13");
            try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "")) {
                assertThat(publishers(c)).containsExactly(
                        Map.entry("com.acme/alerts@1.0.0", "zed"),
                        Map.entry("com.acme/weather@1.0.0", "olivia"),
                        Map.entry("com.acme/weather@1.0.1", "peter"),
                        Map.entry("com.acme/weather@1.0.2", "ada"),
                        Map.entry("com.acme/weather@1.0.3", "olivia"));
            }
        } finally {
            try (Connection admin = dataSource.getConnection(); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private static void migrate(String databaseUrl, String target) {
        Flyway.configure().dataSource(databaseUrl, "postgres", "").locations("classpath:db/migration").target(target)
                .load().migrate();
    }

    private static void version(Connection c, String name, String version, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO server_version (name, version, status, status_changed_at, is_latest, published_at,
                    updated_at, owning_team, accountable_owner, document, document_text, auth_profile, has_oauth,
                    has_remote_api_key, has_package_secret, has_public_remote)
                VALUES (?, ?, 'active', now(), false, now(), now(), 'team-weather', ?, '{}', '{}', '{}', false, false,
                    false, true)""")) {
            ps.setString(1, name);
            ps.setString(2, version);
            ps.setString(3, owner);
            ps.executeUpdate();
        }
    }

    private static void published(Connection c, String action, String target, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO audit_event (occurred_at, actor_subject, actor_roles, action, target_type, target_id,
                    prev_hash, hash)
                VALUES (now(), ?, 'publisher', ?, 'server-version', ?, ?, ?)""")) {
            ps.setString(1, actor);
            ps.setString(2, action);
            ps.setString(3, target);
            ps.setString(4, HASH);
            ps.setString(5, HASH);
            ps.executeUpdate();
        }
    }

    private static Map<String, String> publishers(Connection c) throws SQLException {
        Map<String, String> found = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT name || '@' || version, published_by FROM server_version ORDER BY name, version")) {
            while (rs.next()) {
                found.put(rs.getString(1), rs.getString(2));
            }
        }
        return found;
    }
}
