package io.mcpgov.registry.tool;

import io.mcpgov.registry.classification.ToolClassification;
import io.mcpgov.registry.common.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The tools of each version (tables {@code server_tool} and {@code tool_set}). The publish-time writes and reads are
 * plain JDBC on the publish transaction's connection: they run for every version published or imported, and all
 * tools of a version go in one batch.
 */
@ApplicationScoped
public class VersionToolRepository {

    /** One row of {@code server_tool}; the JSON columns already written as text. */
    record ToolRow(int position, String name, String title, String classification, boolean idempotent,
            boolean openWorld, String scopesJson, String definitionJson, String definitionHash, String findingsJson) {
    }

    /** Whether a version declares tools, and what changed since the version before (null for a first version). */
    record ToolSet(boolean declared, String changesJson) {
    }

    /** A stored tool of a version with the state of its definition's review (null when there is none). */
    record CatalogRow(String name, String title, String classification, Boolean idempotent, Boolean openWorld,
            String scopesJson, String definitionHash, String findingsJson, String definitionJson, UUID reviewId,
            String reviewState) {
    }

    private final EntityManager em;
    private final Jdbc jdbc;

    VersionToolRepository(EntityManager em, Jdbc jdbc) {
        this.em = em;
        this.jdbc = jdbc;
    }

    void insertTools(long versionId, String serverName, List<ToolRow> tools) {
        jdbc.batch("Storing the tools of a version", """
                INSERT INTO server_tool (server_version_id, server_name, position, name, title, classification,
                    idempotent, open_world, scopes, definition, definition_hash, findings)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, CAST(? AS jsonb))""",
                tools, (ps, tool) -> {
                    ps.setLong(1, versionId);
                    ps.setString(2, serverName);
                    ps.setInt(3, tool.position());
                    ps.setString(4, tool.name());
                    ps.setString(5, tool.title());
                    ps.setString(6, tool.classification());
                    ps.setBoolean(7, tool.idempotent());
                    ps.setBoolean(8, tool.openWorld());
                    ps.setString(9, tool.scopesJson());
                    ps.setString(10, tool.definitionJson());
                    ps.setString(11, tool.definitionHash());
                    ps.setString(12, tool.findingsJson());
                });
    }

    void insertToolSet(long versionId, boolean declared, boolean hasReview, String toolsJson, String previousVersion,
            String changesJson) {
        jdbc.update("Storing the tool set of a version", """
                INSERT INTO tool_set (server_version_id, declared, has_review, tools, previous_version, changes)
                VALUES (?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb))""", ps -> {
            ps.setLong(1, versionId);
            ps.setBoolean(2, declared);
            ps.setBoolean(3, hasReview);
            ps.setString(4, toolsJson);
            if (previousVersion == null) {
                ps.setNull(5, Types.VARCHAR);
            } else {
                ps.setString(5, previousVersion);
            }
            ps.setString(6, changesJson);
        });
    }

    /**
     * The tools a stored version declared, in declaration order; empty when it was stored without a declaration (or
     * before tools were recorded). Scopes come as the stored JSON array text, for the caller to read.
     */
    Optional<List<ToolSnapshot>> snapshots(long versionId, Function<String, List<String>> scopes) {
        record Row(boolean declared, ToolSnapshot tool) {
        }
        List<Row> rows = jdbc.list("Reading the tools of a version", """
                SELECT ts.declared, st.name, st.classification, st.scopes::text, st.definition_hash
                FROM tool_set ts LEFT JOIN server_tool st ON st.server_version_id = ts.server_version_id
                WHERE ts.server_version_id = ? ORDER BY st.position""", ps -> ps.setLong(1, versionId),
                rs -> new Row(rs.getBoolean(1), rs.getString(2) == null ? null
                        : new ToolSnapshot(rs.getString(2), ToolClassification.fromWire(rs.getString(3)).orElseThrow(),
                                scopes.apply(rs.getString(4)), rs.getString(5))));
        if (rows.isEmpty() || !rows.get(0).declared()) {
            return Optional.empty();
        }
        List<ToolSnapshot> tools = new ArrayList<>();
        rows.stream().map(Row::tool).filter(t -> t != null).forEach(tools::add);
        return Optional.of(tools);
    }

    /** The version's tool set, if it was stored with one. */
    Optional<ToolSet> toolSet(long versionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> set = em.createNativeQuery("SELECT declared, changes::text FROM tool_set WHERE server_version_id = ?1")
                .setParameter(1, versionId).getResultList();
        return set.stream().findFirst().map(row -> new ToolSet(Boolean.TRUE.equals(row[0]), (String) row[1]));
    }

    /** The stored tools of a version, in declaration order, each with its definition's review. */
    List<CatalogRow> catalog(long versionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT t.name, t.title, t.classification, t.idempotent, t.open_world, t.scopes::text,
                               t.definition_hash, t.findings::text, t.definition::text, r.id, r.state
                        FROM server_tool t
                        LEFT JOIN tool_review r ON r.server_name = t.server_name AND r.tool_name = t.name
                            AND r.definition_hash = t.definition_hash
                        WHERE t.server_version_id = ?1 ORDER BY t.position""")
                .setParameter(1, versionId).getResultList();
        return rows.stream().map(row -> new CatalogRow((String) row[0], (String) row[1], (String) row[2],
                (Boolean) row[3], (Boolean) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8],
                (UUID) row[9], (String) row[10])).toList();
    }
}
