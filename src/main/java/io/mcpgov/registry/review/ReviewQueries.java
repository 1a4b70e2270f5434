package io.mcpgov.registry.review;

import com.fasterxml.jackson.databind.util.RawValue;
import io.mcpgov.registry.database.LongWork;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.Session;

/** The SQL of access reviews: creating items, progress, item pages, answers. */
@ApplicationScoped
public class ReviewQueries {

    /** The server's latest version (or, when every version is deleted, its newest), as {@code sv}. */
    private static final String LATEST = "(SELECT x.* FROM server_version x WHERE x.name = ri.server_name"
            + " ORDER BY x.is_latest DESC, x.published_at DESC, x.id DESC LIMIT 1)";

    /** Which items a reader sees: all, or those of some teams and the ones they are accountable for. */
    public record Visibility(boolean all, List<String> teams, String subject) {
    }

    public record ItemFilter(String state, String owner, Boolean overdue, String afterServer, int limit) {
    }

    private final EntityManager em;
    private final LongWork longWork;
    private final String facts;

    ReviewQueries(EntityManager em, @All List<ReviewFacet> facets, LongWork longWork) {
        this.em = em;
        this.longWork = longWork;
        this.facts = "jsonb_build_object(" + facets.stream()
                .sorted(Comparator.comparing(ReviewFacet::key))
                .map(f -> "'" + f.key().replace("'", "''") + "', " + f.sql())
                .collect(Collectors.joining(", ")) + ")";
    }

    /**
     * Adds an item for the latest version of every server (of {@code team}, when given); each becomes its server's
     * current item. Returns how many.
     */
    int createItems(UUID campaignId, String team, Instant dueAt) {
        // an item for every server of a large registry takes longer than a request's statements may
        return longWork.inTransaction(() -> work(c -> {
            String scope = "sv.is_latest AND sv.status <> 'deleted'" + (team == null ? "" : " AND sv.owning_team = ?");
            try (PreparedStatement ps = c.prepareStatement("UPDATE review_item ri SET current = false FROM server_version sv"
                    + " WHERE ri.current AND ri.server_name = sv.name AND " + scope)) {
                if (team != null) {
                    ps.setString(1, team);
                }
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO review_item (campaign_id, server_name,"
                    + " server_version_id, due_at, current, state) SELECT ?, sv.name, sv.id, ?, true, 'pending'"
                    + " FROM server_version sv WHERE " + scope)) {
                ps.setObject(1, campaignId);
                ps.setObject(2, dueAt.atOffset(ZoneOffset.UTC));
                if (team != null) {
                    ps.setString(3, team);
                }
                return ps.executeUpdate();
            }
        }));
    }

    Map<UUID, CampaignView.Progress> progress(List<UUID> campaigns) {
        Map<UUID, long[]> counts = new HashMap<>();
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT ri.campaign_id, ri.state,"
                    + " ri.state = 'pending' AND ri.due_at < now(), count(*) FROM review_item ri"
                    + " WHERE ri.campaign_id = ANY (?) GROUP BY 1, 2, 3")) {
                ps.setArray(1, c.createArrayOf("uuid", campaigns.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        add(counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new long[5]), rs.getString(2),
                                rs.getBoolean(3), rs.getLong(4));
                    }
                }
            }
            return null;
        });
        Map<UUID, CampaignView.Progress> out = new HashMap<>();
        for (UUID id : campaigns) {
            long[] n = counts.getOrDefault(id, new long[5]);
            out.put(id, new CampaignView.Progress(n[0], n[1], n[2], n[3], n[4]));
        }
        return out;
    }

    List<CampaignView.OwnerProgress> ownerProgress(UUID campaign) {
        Map<String, long[]> counts = new java.util.TreeMap<>();
        Map<String, Boolean> offboarded = new HashMap<>();
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sv.accountable_owner, ri.state,"
                    + " ri.state = 'pending' AND ri.due_at < now(), count(*),"
                    + " EXISTS (SELECT 1 FROM offboarded_subject os WHERE os.subject = sv.accountable_owner)"
                    + " FROM review_item ri JOIN server_version sv ON sv.id = ri.server_version_id"
                    + " WHERE ri.campaign_id = ? GROUP BY 1, 2, 3")) {
                ps.setObject(1, campaign);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        add(counts.computeIfAbsent(rs.getString(1), k -> new long[5]), rs.getString(2), rs.getBoolean(3),
                                rs.getLong(4));
                        offboarded.put(rs.getString(1), rs.getBoolean(5));
                    }
                }
            }
            return null;
        });
        List<CampaignView.OwnerProgress> out = new ArrayList<>();
        counts.forEach((owner, n) -> out.add(new CampaignView.OwnerProgress(owner, offboarded.get(owner), n[0], n[1],
                n[2], n[3], n[4])));
        return out;
    }

    private static void add(long[] n, String state, boolean overdue, long count) {
        n[0] += count;
        switch (state) {
            case "pending" -> n[1] += count;
            case "attested" -> n[2] += count;
            default -> n[3] += count;
        }
        if (overdue) {
            n[4] += count;
        }
    }

    List<ReviewItemView> items(UUID campaign, ItemFilter f, Visibility v) {
        StringBuilder sql = new StringBuilder(itemSelect()).append(" WHERE ri.campaign_id = ?");
        List<Object> params = new ArrayList<>(List.of(campaign));
        if (f.state() != null) {
            sql.append(" AND ri.state = ?");
            params.add(f.state());
        }
        if (f.owner() != null) {
            sql.append(" AND iv.accountable_owner = ?");
            params.add(f.owner());
        }
        if (f.overdue() != null) {
            sql.append(f.overdue() ? " AND" : " AND NOT").append(" (ri.state = 'pending' AND ri.due_at < now())");
        }
        if (f.afterServer() != null) {
            sql.append(" AND ri.server_name > ?");
            params.add(f.afterServer());
        }
        if (!v.all()) {
            sql.append(" AND (iv.owning_team = ANY (?) OR iv.accountable_owner = ?)");
            params.add(v.teams().toArray(String[]::new));
            params.add(v.subject());
        }
        sql.append(" ORDER BY ri.server_name LIMIT ?");
        params.add(f.limit());
        return readItems(sql.toString(), params);
    }

    Optional<ReviewItemView> item(UUID campaign, String serverName) {
        List<ReviewItemView> found = readItems(itemSelect() + " WHERE ri.campaign_id = ? AND ri.server_name = ?",
                List.of(campaign, serverName));
        return found.stream().findFirst();
    }

    /** Records the answer with the facts of the server's latest version, as they are now. */
    void answer(UUID campaign, String serverName, String state, String note, String by, Instant at) {
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE review_item ri SET state = ?, note = ?,"
                    + " responded_by = ?, responded_at = ?, attested_version = sv.version, attested_facts = " + facts
                    + " FROM " + LATEST.replace("ri.server_name", "?") + " sv"
                    + " WHERE ri.campaign_id = ? AND ri.server_name = ?")) {
                ps.setString(1, state);
                ps.setString(2, note);
                ps.setString(3, by);
                ps.setObject(4, at.atOffset(ZoneOffset.UTC));
                ps.setString(5, serverName);
                ps.setObject(6, campaign);
                ps.setString(7, serverName);
                return ps.executeUpdate();
            }
        });
    }

    private String itemSelect() {
        return "SELECT ri.campaign_id, ri.server_name, iv.version, iv.owning_team, iv.accountable_owner,"
                + " EXISTS (SELECT 1 FROM offboarded_subject os WHERE os.subject = iv.accountable_owner), ri.state,"
                + " ri.state = 'pending' AND ri.due_at < now(), ri.due_at, ri.note, ri.responded_by, ri.responded_at,"
                + " ri.attested_version, (CASE WHEN ri.state = 'pending' THEN " + facts + " ELSE ri.attested_facts END)::text"
                + " FROM review_item ri JOIN server_version iv ON iv.id = ri.server_version_id"
                + " LEFT JOIN LATERAL " + LATEST + " sv ON TRUE";
    }

    private List<ReviewItemView> readItems(String sql, List<Object> params) {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    Object p = params.get(i);
                    if (p instanceof String[] array) {
                        ps.setArray(i + 1, c.createArrayOf("text", array));
                    } else {
                        ps.setObject(i + 1, p);
                    }
                }
                List<ReviewItemView> items = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String facts = rs.getString(14);
                        items.add(new ReviewItemView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getBoolean(8),
                                instant(rs, 9), rs.getString(10), rs.getString(11), instant(rs, 12), rs.getString(13),
                                facts == null ? null : new RawValue(facts)));
                    }
                }
                return items;
            }
        });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }
}
