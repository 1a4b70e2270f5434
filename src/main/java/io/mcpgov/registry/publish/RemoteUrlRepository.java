package io.mcpgov.registry.publish;

import io.mcpgov.registry.common.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Who published each remote URL first (table {@code remote_url}): plain JDBC on the publish transaction's connection.
 */
@ApplicationScoped
public class RemoteUrlRepository {

    private final Jdbc jdbc;

    RemoteUrlRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The server that owns each of {@code urls} that has an owner. */
    Map<String, String> owners(Set<String> urls) {
        Map<String, String> owners = new HashMap<>();
        jdbc.list("Reading remote URL owners", "SELECT url, server_name FROM remote_url WHERE url = ANY (?)",
                ps -> Jdbc.setTextArray(ps, 1, urls.toArray()), rs -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(owner -> owners.put(owner.getKey(), owner.getValue()));
        return owners;
    }

    /** Records {@code server} as the owner of every URL nobody owns yet. */
    void claim(Set<String> urls, String server) {
        jdbc.update("Claiming remote URLs",
                "INSERT INTO remote_url (url, server_name) SELECT u, ? FROM unnest(?) AS u ON CONFLICT (url) DO NOTHING",
                ps -> {
                    ps.setString(1, server);
                    Jdbc.setTextArray(ps, 2, urls.toArray());
                });
    }
}
