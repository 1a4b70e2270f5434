package io.mcpgov.registry.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Appends events to the hash chain. Appends are serialised by a transaction-scoped advisory lock taken before the
 * previous hash is read and the ids are drawn, and released at commit: ids follow chain order, and two transactions
 * can never chain onto the same predecessor. {@link AuditLog} appends a transaction's events just before it commits,
 * so the lock is held only for the append and the commit.
 */
@ApplicationScoped
public class AuditChainRepository {

    // The two-int form is a key space of its own, apart from the single-bigint per-server locks.
    private static final String LOCK = "SELECT pg_advisory_xact_lock(1635083380, 1)";
    private static final String INSERT = "INSERT INTO audit_event (id, occurred_at, actor_subject, actor_client_id,"
            + " actor_roles, action, target_type, target_id, before, after, request_id, source_address, prev_hash, hash)"
            + " VALUES";

    private final EntityManager em;
    private final AgroalDataSource dataSource;

    AuditChainRepository(EntityManager em, AgroalDataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /**
     * Appends {@code drafts} (their ids are ignored) in the caller's transaction, in order. Everything under the lock
     * is a fixed number of round trips (lock; head and ids; the rows), however many events, since the lock is held
     * until the commit.
     */
    public void append(List<AuditRecord> drafts) {
        if (drafts.isEmpty()) {
            return;
        }
        // Not through the session: when this runs at commit, Hibernate has already flushed and let its connection go.
        // The pool hands out the transaction's own connection; closing it here returns it before the commit.
        try (Connection c = dataSource.getConnection()) {
            Head head = lockedHeadAndIds(c, drafts.size());
            String prev = head.hash() != null ? head.hash() : seal(c);
            List<Chained> chained = new ArrayList<>(drafts.size());
            for (int i = 0; i < drafts.size(); i++) {
                AuditRecord record = drafts.get(i).withId(head.ids()[i]);
                String hash = AuditHash.hash(record, prev);
                chained.add(new Chained(record, prev, hash));
                prev = hash;
            }
            insert(c, chained);
        } catch (SQLException e) {
            throw new IllegalStateException("The audit trail could not be appended", e);
        }
    }

    /** Events written before the chain existed are hashed once, in id order, before anything is appended. */
    @Transactional
    void sealAtStart(@Observes StartupEvent start) {
        em.unwrap(Session.class).doWork(c -> {
            lock(c);
            head(c);
        });
    }

    private static void lock(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOCK)) {
            ps.execute();
        }
    }

    /** The last event's hash (sealing unchained events first), or the genesis value for an empty trail. */
    private static String head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return AuditHash.GENESIS;
            }
            String hash = rs.getString(1);
            return hash != null ? hash : seal(c);
        }
    }

    /** Unchained events all precede chained ones: the table refuses new rows without a hash. */
    private static String seal(Connection c) throws SQLException {
        String prev = AuditHash.GENESIS;
        try (PreparedStatement select = c.prepareStatement(
                        "SELECT " + AuditTrailRepository.COLUMNS
                                + " FROM audit_event WHERE hash IS NULL ORDER BY id");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?")) {
            select.setFetchSize(500);
            try (ResultSet rs = select.executeQuery()) {
                int pending = 0;
                while (rs.next()) {
                    AuditRecord record = AuditTrailRepository.read(rs).record();
                    String hash = AuditHash.hash(record, prev);
                    update.setString(1, prev);
                    update.setString(2, hash);
                    update.setLong(3, record.id());
                    update.addBatch();
                    prev = hash;
                    if (++pending == 500) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    update.executeBatch();
                }
            }
        }
        return prev;
    }

    private record Head(String hash, long[] ids) {
    }

    private record Chained(AuditRecord record, String prev, String hash) {
    }

    /**
     * Takes the chain's lock, then reads the last event's hash (null when unchained events must be sealed first,
     * genesis for none) and new ids: two statements sent in one round trip, since the lock is held until the commit
     * and every round trip under it is one more wait for every other writer. The server runs the read only once the
     * lock is granted, with a snapshot taken then, so it sees the events of the writer that held the lock before.
     */
    private static Head lockedHeadAndIds(Connection c, int count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(LOCK + "; SELECT coalesce((SELECT CASE WHEN hash IS NULL"
                + " THEN '' ELSE hash END FROM audit_event ORDER BY id DESC LIMIT 1), ?),"
                // the count written out, not a parameter: PostgreSQL then keeps one plan per count instead of
                // planning each call (a generic plan guesses 1,000 ids and looks dearer), under the chain's lock
                + " ARRAY(SELECT nextval('audit_event_id_seq') FROM generate_series(1, " + count + "))")) {
            ps.setString(1, AuditHash.GENESIS);
            ps.execute();
            if (!ps.getMoreResults()) {
                throw new SQLException("The audit chain's head was not returned");
            }
            try (ResultSet rs = ps.getResultSet()) {
                rs.next();
                String hash = rs.getString(1);
                Long[] ids = (Long[]) rs.getArray(2).getArray();
                long[] out = new long[ids.length];
                for (int i = 0; i < ids.length; i++) {
                    out[i] = ids[i];
                }
                return new Head(hash.isEmpty() ? null : hash, out);
            }
        }
    }

    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)";
    private static final int ROWS_PER_STATEMENT = 1000;

    /** The events as multi-row inserts. */
    private static void insert(Connection c, List<Chained> chained) throws SQLException {
        for (int from = 0; from < chained.size(); from += ROWS_PER_STATEMENT) {
            List<Chained> part = chained.subList(from, Math.min(chained.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(INSERT);
            for (int i = 0; i < part.size(); i++) {
                sql.append(i == 0 ? " " : ", ").append(ROW);
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 0;
                for (Chained row : part) {
                    AuditRecord r = row.record();
                    ps.setLong(++p, r.id());
                    ps.setObject(++p, r.occurredAt().atOffset(ZoneOffset.UTC));
                    ps.setString(++p, r.actorSubject());
                    ps.setString(++p, r.actorClientId());
                    ps.setString(++p, r.actorRoles());
                    ps.setString(++p, r.action());
                    ps.setString(++p, r.targetType());
                    ps.setString(++p, r.targetId());
                    ps.setString(++p, r.before());
                    ps.setString(++p, r.after());
                    ps.setString(++p, r.requestId());
                    ps.setString(++p, r.sourceAddress());
                    ps.setString(++p, row.prev());
                    ps.setString(++p, row.hash());
                }
                ps.executeUpdate();
            }
        }
    }
}
