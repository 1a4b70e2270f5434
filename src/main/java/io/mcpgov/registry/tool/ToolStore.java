package io.mcpgov.registry.tool;

import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.server.ServerVersionRepository.VersionRef;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final AgroalDataSource dataSource;

    ToolStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void insertTools(long versionId, String serverName, List<ToolRow> tools) {
        if (tools.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO server_tool (server_version_id, server_name, position, name, title, classification,
                    idempotent, open_world, scopes, definition, definition_hash, findings)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, CAST(? AS jsonb))""")) {
            for (ToolRow tool : tools) {
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
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw failed("Storing the tools of a version", e);
        }
    }

    void insertToolSet(long versionId, boolean declared, boolean hasReview, String toolsJson, String previousVersion,
            String changesJson) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO tool_set (server_version_id, declared, has_review, tools, previous_version, changes)
                VALUES (?, ?, ?, CAST(? AS jsonb), ?, CAST(? AS jsonb))""")) {
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
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failed("Storing the tool set of a version", e);
        }
    }

    /**
     * The tools a stored version declared, in declaration order; empty when it was stored without a declaration (or
     * before tools were recorded). Scopes come as the stored JSON array text, for the caller to read.
     */
    Optional<List<ToolSnapshot>> snapshots(long versionId, Function<String, List<String>> scopes) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT ts.declared, st.name, st.classification, st.scopes::text, st.definition_hash
                FROM tool_set ts LEFT JOIN server_tool st ON st.server_version_id = ts.server_version_id
                WHERE ts.server_version_id = ? ORDER BY st.position""")) {
            ps.setLong(1, versionId);
            try (ResultSet rs = ps.executeQuery()) {
                List<ToolSnapshot> out = new ArrayList<>();
                boolean declared = false;
                while (rs.next()) {
                    declared = rs.getBoolean(1);
                    String name = rs.getString(2);
                    if (name != null) {
                        out.add(new ToolSnapshot(name, Classification.fromWire(rs.getString(3)).orElseThrow(),
                                scopes.apply(rs.getString(4)), rs.getString(5)));
                    }
                }
                return declared ? Optional.of(out) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("Reading the tools of a version", e);
        }
    }

    /** The state of the review of one tool definition, locked until the transaction ends; null when there is none. */
    String reviewStateForUpdate(String serverName, String toolName, String definitionHash) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT state FROM tool_review WHERE server_name = ? AND tool_name = ? AND definition_hash = ?
                FOR UPDATE""")) {
            ps.setString(1, serverName);
            ps.setString(2, toolName);
            ps.setString(3, definitionHash);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failed("Reading the review of a tool definition", e);
        }
    }

    /** Every version of a server, oldest published first. */
    List<VersionRef> versionRefs(String serverName) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, version FROM server_version WHERE name = ? ORDER BY published_at, id")) {
            ps.setString(1, serverName);
            try (ResultSet rs = ps.executeQuery()) {
                List<VersionRef> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new VersionRef(rs.getLong(1), rs.getString(2)));
                }
                return out;
            }
        } catch (SQLException e) {
            throw failed("Reading the versions of a server", e);
        }
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException(what + " failed", e);
    }
}
