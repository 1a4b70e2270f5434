package io.mcpgov.registry.secrets;

import io.mcpgov.registry.common.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** What the secret scan keeps on each stored version: the rules' revision it was scanned with, and the findings. */
@ApplicationScoped
class StoredSecretRepository {

    /** One stored version as the sweep reads it. */
    record Stored(long id, String name, String version, String document, String findings) {
    }

    private final Jdbc jdbc;

    StoredSecretRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} versions scanned with an earlier revision than {@code revision}, locked until the
     * transaction ends (skipping those another instance holds).
     */
    List<Stored> lockUnscanned(int revision, int limit) {
        return jdbc.list("Reading versions for the secret scan", """
                SELECT id, name, version, document_text, secret_findings::text FROM server_version
                WHERE secrets_scanned_with < ? LIMIT ? FOR UPDATE SKIP LOCKED""",
                ps -> {
                    ps.setInt(1, revision);
                    ps.setInt(2, limit);
                },
                rs -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    /** Records the revision the versions were scanned with. */
    void markScanned(List<Long> versionIds, int revision) {
        Long[] ids = versionIds.toArray(Long[]::new);
        jdbc.update("Recording the secret scan's revision",
                "UPDATE server_version SET secrets_scanned_with = ? WHERE id = ANY (?)", ps -> {
                    ps.setInt(1, revision);
                    ps.setArray(2, ps.getConnection().createArrayOf("bigint", ids));
                });
    }

    /** Stores a version's findings as JSON text; null when it has none. */
    void storeFindings(long id, String findingsJson) {
        jdbc.update("Storing secret findings", "UPDATE server_version SET secret_findings = CAST(? AS jsonb) WHERE id = ?",
                ps -> {
                    ps.setString(1, findingsJson);
                    ps.setLong(2, id);
                });
    }
}
