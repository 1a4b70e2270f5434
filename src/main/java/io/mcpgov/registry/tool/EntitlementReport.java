package io.mcpgov.registry.tool;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.database.LongWork;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The entitlement report for access reviews: every server's latest version (deleted ones left out), each of its
 * tools with classification, scopes, approval state and owners. Rows are read with a database cursor and written
 * as they come, so the report's size never sits in memory.
 */
@ApplicationScoped
public class EntitlementReport {

    /** @param namespace servers in this namespace or its sub-namespaces; {@code owner} the accountable owner */
    public record Filter(String namespace, String owner, String team) {
    }

    private static final int FETCH_SIZE = 500;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final LongWork longWork;

    EntitlementReport(AgroalDataSource dataSource, ObjectMapper json, LongWork longWork) {
        this.dataSource = dataSource;
        this.json = json;
        this.longWork = longWork;
    }

    public void writeJson(Filter filter, OutputStream out) throws IOException {
        try (JsonGenerator gen = json.getFactory().createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("generatedAt", Instant.now().toString());
            gen.writeArrayFieldStart("rows");
            rows(filter, row -> {
                try {
                    json.writeValue(gen, row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            gen.writeEndArray();
            gen.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public void writeCsv(Filter filter, OutputStream out) throws IOException {
        try {
            out.write(Csv.record(EntitlementRow.CSV_HEADER).getBytes(StandardCharsets.UTF_8));
            rows(filter, row -> {
                try {
                    out.write(Csv.record(row.csvFields()).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    void rows(Filter filter, Consumer<EntitlementRow> sink) {
        StringBuilder sql = new StringBuilder("""
                SELECT sv.name, sv.version, sv.status, sv.owning_team, sv.accountable_owner, coalesce(ts.declared, FALSE),
                       t.name, t.title, t.classification, t.idempotent, t.open_world, t.scopes::text, r.state, r.id,
                       r.decided_by, r.decided_at, t.definition_hash, t.findings::text
                FROM server_version sv
                LEFT JOIN tool_set ts ON ts.server_version_id = sv.id
                LEFT JOIN server_tool t ON t.server_version_id = sv.id
                LEFT JOIN tool_review r ON r.server_name = t.server_name AND r.tool_name = t.name
                    AND r.definition_hash = t.definition_hash
                WHERE sv.is_latest AND sv.status <> 'deleted'""");
        List<String> params = new ArrayList<>();
        if (filter.namespace() != null) {
            sql.append(" AND (split_part(sv.name, '/', 1) = ? OR starts_with(split_part(sv.name, '/', 1), ?))");
            params.add(filter.namespace());
            params.add(filter.namespace() + ".");
        }
        if (filter.owner() != null) {
            sql.append(" AND sv.accountable_owner = ?");
            params.add(filter.owner());
        }
        if (filter.team() != null) {
            sql.append(" AND sv.owning_team = ?");
            params.add(filter.team());
        }
        sql.append(" ORDER BY sv.name, t.position NULLS FIRST");
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            // every server's tools, sorted: the first row may come back only once the whole set is read
            try (LongWork.Allowance allowance = longWork.allow(c);
                    PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setFetchSize(FETCH_SIZE);
                for (int i = 0; i < params.size(); i++) {
                    ps.setString(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(map(rs));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the entitlement report failed", e);
        }
    }

    private EntitlementRow map(ResultSet rs) throws SQLException {
        String tool = rs.getString(7);
        if (tool == null) {
            return new EntitlementRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getBoolean(6), null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }
        String classification = rs.getString(9);
        boolean destructive = Classification.DESTRUCTIVE.wire().equals(classification);
        List<String> findings = findingIds(rs.getString(18));
        ReviewState approval = ToolEntitlement.approval(destructive, !findings.isEmpty(), rs.getString(13));
        OffsetDateTime decidedAt = rs.getObject(16, OffsetDateTime.class);
        return new EntitlementRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getBoolean(6), tool, rs.getString(8), classification, rs.getBoolean(10), rs.getBoolean(11),
                strings(rs.getString(12)), approval.wire(), approval.available(destructive),
                rs.getObject(14, UUID.class), rs.getString(15), decidedAt == null ? null : decidedAt.toInstant(),
                rs.getString(17), findings);
    }

    private List<String> findingIds(String findingsJson) {
        List<String> ids = new ArrayList<>();
        read(findingsJson).forEach(f -> ids.add(f.path("ruleId").asText()));
        return ids;
    }

    private List<String> strings(String jsonArray) {
        List<String> out = new ArrayList<>();
        read(jsonArray).forEach(item -> out.add(item.asText()));
        return out;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored tool data is not JSON", e);
        }
    }
}
