package io.mcpgov.registry.publish;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Who published each remote URL first; plain JDBC on the publish transaction's connection. */
@ApplicationScoped
public class RemoteUrls {

    private final AgroalDataSource dataSource;

    RemoteUrls(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The server that owns each of {@code urls} that has an owner. */
    Map<String, String> owners(Set<String> urls) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT url, server_name FROM remote_url WHERE url = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", urls.toArray()));
            Map<String, String> owners = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    owners.put(rs.getString(1), rs.getString(2));
                }
            }
            return owners;
        } catch (SQLException e) {
            throw new IllegalStateException("Reading remote URL owners failed", e);
        }
    }

    /** Records {@code server} as the owner of every URL nobody owns yet. */
    void claim(Set<String> urls, String server) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO remote_url (url, server_name) SELECT u, ? FROM unnest(?) AS u ON CONFLICT (url) DO NOTHING")) {
            ps.setString(1, server);
            ps.setArray(2, c.createArrayOf("text", urls.toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming remote URLs failed", e);
        }
    }
}
