package io.mcpgov.registry.server;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.All;
import io.mcpgov.registry.policy.ListingGate;
import io.mcpgov.registry.policy.ListingRule;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGStatement;

/**
 * The discovery reads: one SQL statement per request, keyset pagination on (name, version), the listing gate inside
 * the WHERE clause. Documents are returned as stored text and never parsed on the way out.
 */
@ApplicationScoped
public class ServerRowRepository {

    private static final String COLUMNS = """
            sv.id, sv.name, sv.version, sv.status, sv.status_message, sv.status_changed_at, sv.is_latest,
            sv.published_at, sv.updated_at, sv.owning_team, sv.accountable_owner, sv.document_text,
            sv.auth_profile::text, sv.has_oauth, sv.has_remote_api_key, sv.has_package_secret, sv.has_public_remote,
            ex.id, ex.classification, ex.expires_at""";

    private static final String COVERING_EXCEPTION = """
            LEFT JOIN LATERAL (
                SELECT e.id, e.classification, e.expires_at
                FROM exception_coverage ec JOIN api_key_exception e ON e.id = ec.exception_id
                WHERE ec.server_version_id = sv.id AND e.state = 'approved' AND e.expires_at > now()
                ORDER BY e.expires_at DESC LIMIT 1) ex ON TRUE""";

    /** The shortest search term the trigram index can narrow down. */
    private static final int TRIGRAM = 3;

    private final AgroalDataSource dataSource;
    private final ListingGate gate;
    private final List<RowExtension> extensions;

    ServerRowRepository(AgroalDataSource dataSource, ListingGate gate, @All List<RowExtension> extensions) {
        this.dataSource = dataSource;
        this.gate = gate;
        this.extensions = extensions.stream().sorted(Comparator.comparing(RowExtension::key)).toList();
    }

    /** A page in (name, version) order; fetches {@code limit + 1} rows so the caller knows whether more follow. */
    public List<ServerRow> page(ServerQuery q) {
        if (q.search() != null) {
            return searchPage(q);
        }
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        filter(q, where, params);
        if (q.afterName() != null) {
            where.append(" AND (sv.name, sv.version) > (?, ?)");
            params.add(q.afterName());
            params.add(q.afterVersion());
        }
        String sql = select() + where + " ORDER BY sv.name, sv.version LIMIT ?";
        params.add(q.limit() + 1);
        return run(sql, params, false);
    }

    /**
     * A page of a search. The matching names are found first, in order, from the indexes alone: through the trigram
     * index when few names match, otherwise by walking the (name, version) index, which holds the names, so a
     * version that does not match costs no read of its row. Only the versions that match are then read in full and
     * put through the other filters. A common term whose matches all sort late (such as a namespace) would otherwise
     * read most of the table's rows for one page.
     */
    private List<ServerRow> searchPage(ServerQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder matches = new StringBuilder("SELECT name, version FROM server_version WHERE ");
        matches.append(nameMatches(q.search(), "name", params));
        if (q.afterName() != null) {
            matches.append(" AND (name, version) > (?, ?)");
            params.add(q.afterName());
            params.add(q.afterVersion());
        }
        // OFFSET 0 keeps each subquery planned on its own: the matches in index order, then one row read per match
        matches.append(" ORDER BY name, version OFFSET 0");
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        filter(q.withoutSearch(), where, params);
        String sql = select("(" + matches + ") m CROSS JOIN LATERAL (SELECT * FROM server_version x"
                + " WHERE x.name = m.name AND x.version = m.version OFFSET 0) sv")
                + where + " ORDER BY m.name, m.version LIMIT ?";
        params.add(q.limit() + 1);
        // the best way to the matches depends on how many there are, so a search is planned for its own term
        return run(sql, params, true);
    }

    /** Every version of one server visible to the reader, newest published first. */
    public List<ServerRow> versions(ServerQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        filter(q, where, params);
        return run(select() + where + " ORDER BY sv.published_at DESC, sv.id DESC", params, false);
    }

    /** Whether any version matches the query for its reader; reads no document, stops at the first match. */
    public boolean any(ServerQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        filter(q, where, params);
        String sql = "SELECT 1 FROM server_version sv " + COVERING_EXCEPTION + where + " LIMIT 1";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading server entries failed", e);
        }
    }

    /** Rows by id (used after a write, inside its transaction), hidden or not. */
    public List<ServerRow> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        if (ids.size() == 1) {
            // one version, as after every publish: a plan PostgreSQL keeps and reuses, where one for an array of ids
            // of unknown length looks dearer than a plan for each call and is never kept (0.5 ms of planning a call)
            params.add(ids.get(0));
            return run(select() + " WHERE sv.id = ?", params, false);
        }
        params.add(ids.toArray(Long[]::new));
        return run(select() + " WHERE sv.id = ANY (?) ORDER BY sv.name, sv.version", params, false);
    }

    private String select() {
        return select("server_version sv");
    }

    /** The row's columns, the gate's and the extensions', from {@code source}, in which the version is {@code sv}. */
    private String select(String source) {
        StringBuilder extra = new StringBuilder();
        for (RowExtension extension : extensions) {
            extra.append(", (").append(extension.sql()).append(")::text");
        }
        return "SELECT " + COLUMNS + gate.hiddenColumns() + extra + " FROM " + source + " " + COVERING_EXCEPTION;
    }

    private void filter(ServerQuery q, StringBuilder where, List<Object> params) {
        if (q.name() != null) {
            where.append(" AND sv.name = ?");
            params.add(q.name());
        }
        if (!q.includeDeleted()) {
            where.append(" AND sv.status <> 'deleted'");
        }
        if (q.latestOnly()) {
            where.append(" AND sv.is_latest");
        }
        if (q.exactVersion() != null) {
            where.append(" AND sv.version = ?");
            params.add(q.exactVersion());
        }
        if (q.search() != null) {
            where.append(" AND ").append(nameMatches(q.search(), "sv.name", params));
        }
        if (q.updatedSince() != null) {
            where.append(" AND sv.updated_at > ?");
            params.add(Timestamp.from(q.updatedSince()));
        }
        ServerQuery.Visibility v = q.visibility();
        if (!v.all()) {
            where.append(" AND (").append(gate.listedCondition());
            if (!v.teams().isEmpty()) {
                where.append(" OR sv.owning_team = ANY (?)");
                params.add(v.teams().toArray(String[]::new));
            }
            where.append(")");
        }
    }

    private static String nameMatches(String search, String column, List<Object> params) {
        if (search.codePointCount(0, search.length()) >= TRIGRAM) {
            params.add("%" + escapeLike(search) + "%");
            return column + " ILIKE ? ESCAPE '\\'";
        }
        // too short for the trigram index, whose scan would then read every row: walk the name order instead
        params.add(search);
        return "strpos(lower(" + column + "), lower(?)) > 0";
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private List<ServerRow> run(String sql, List<Object> params, boolean planPerExecution) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (planPerExecution) {
                // never a server-side prepared statement: PostgreSQL plans an unnamed one with its parameters' values
                ps.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            bind(c, ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<ServerRow> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(map(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading server entries failed", e);
        }
    }

    private static void bind(Connection c, PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Object[] array) {
                String type = array instanceof Long[] ? "bigint" : "text";
                ps.setArray(i + 1, c.createArrayOf(type, array));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private ServerRow map(ResultSet rs) throws SQLException {
        UUID exceptionId = rs.getObject(18, UUID.class);
        ServerRow.CoveringException exception = exceptionId == null ? null
                : new ServerRow.CoveringException(exceptionId, rs.getString(19), instant(rs, 20));
        List<String> hiddenBy = new ArrayList<>(0);
        List<ListingRule> rules = gate.rules();
        for (int i = 0; i < rules.size(); i++) {
            if (rs.getBoolean(21 + i)) {
                hiddenBy.add(rules.get(i).ruleId());
            }
        }
        Map<String, String> extra = new LinkedHashMap<>();
        int first = 21 + rules.size();
        for (int i = 0; i < extensions.size(); i++) {
            String json = rs.getString(first + i);
            if (json != null) {
                extra.put(extensions.get(i).key(), json);
            }
        }
        return new ServerRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                instant(rs, 6), rs.getBoolean(7), instant(rs, 8), instant(rs, 9), rs.getString(10), rs.getString(11),
                rs.getString(12), rs.getString(13), rs.getBoolean(14), rs.getBoolean(15), rs.getBoolean(16),
                rs.getBoolean(17), exception, hiddenBy, extra);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
