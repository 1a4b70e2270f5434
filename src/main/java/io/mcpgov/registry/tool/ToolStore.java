package io.mcpgov.registry.tool;

import io.mcpgov.registry.classification.ToolClassification;
import io.mcpgov.registry.common.Jdbc;
import io.mcpgov.registry.server.ServerVersionRepository.VersionRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The publish-time writes and reads of a version's tools, in plain JDBC on the publish transaction's connection: they
 * run for every version published or imported, and all tools of a version go in one batch.
 */
@ApplicationScoped
public class ToolStore {

    /** One row of {@code server_tool}; the JSON columns already written as text. */
    record ToolRow(int position, String name, String title, String classification, boolean idempotent,
            boolean openWorld, String scopesJson, String definitionJson, String definitionHash, String findingsJson) {
    }

    private final Jdbc jdbc;

    ToolStore(Jdbc jdbc) {
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

    /** The state of the review of one tool definition, locked until the transaction ends; null when there is none. */
    String reviewStateForUpdate(String serverName, String toolName, String definitionHash) {
        List<String> states = jdbc.list("Reading the review of a tool definition", """
                SELECT state FROM tool_review WHERE server_name = ? AND tool_name = ? AND definition_hash = ?
                FOR UPDATE""", ps -> {
            ps.setString(1, serverName);
            ps.setString(2, toolName);
            ps.setString(3, definitionHash);
        }, rs -> rs.getString(1));
        return states.isEmpty() ? null : states.get(0);
    }

    /** Every version of a server, oldest published first. */
    List<VersionRef> versionRefs(String serverName) {
        return jdbc.list("Reading the versions of a server",
                "SELECT id, version FROM server_version WHERE name = ? ORDER BY published_at, id",
                ps -> ps.setString(1, serverName), rs -> new VersionRef(rs.getLong(1), rs.getString(2)));
    }
}
