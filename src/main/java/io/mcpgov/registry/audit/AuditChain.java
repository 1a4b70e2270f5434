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
import java.util.List;
import org.hibernate.Session;

/**
 * Appends events to the hash chain. Appends are serialised by a transaction-scoped advisory lock taken before the
 * previous hash is read and the ids are drawn, and released at commit: ids follow chain order, and two transactions
 * can never chain onto the same predecessor. {@link AuditLog} appends a transaction's events just before it commits,
 * so the lock is held only for the append and the commit.
 */
@ApplicationScoped
public class AuditChain {

    // The two-int form is a key space of its own, apart from the single-bigint per-server locks.
    private static final String LOCK = "SELECT pg_advisory_xact_lock(1635083380, 1)";
    private static final String INSERT = "INSERT INTO audit_event (id, occurred_at, actor_subject, actor_client_id,"
            + " actor_roles, action, target_type, target_id, before, after, request_id, source_address, prev_hash, hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)";

    private final EntityManager em;
    private final AgroalDataSource dataSource;

    AuditChain(EntityManager em, AgroalDataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /**
     * Appends {@code drafts} (their ids are ignored) in the caller's transaction, in order, and then, if
     * {@code visibleChange}, moves the counter that discovery caches check: after the chain's lock, always, so the
     * two locks are taken in one order.
     */
    public void append(List<AuditRecord> drafts, boolean visibleChange) {
        // Not through the session: when this runs at commit, Hibernate has already flushed and let its connection go.
        // The pool hands out the transaction's own connection; closing it here returns it before the commit.
        try (Connection c = dataSource.getConnection()) {
            lock(c);
            String prev = head(c);
            for (AuditRecord draft : drafts) {
                AuditRecord record = draft.withId(nextId(c));
                String hash = AuditHash.hash(record, prev);
                insert(c, record, prev, hash);
                prev = hash;
            }
            if (visibleChange) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE registry_generation SET generation = generation + 1 WHERE id = 1")) {
                    ps.executeUpdate();
                }
            }
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
                        "SELECT " + StoredEvent.COLUMNS + " FROM audit_event WHERE hash IS NULL ORDER BY id");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE audit_event SET prev_hash = ?, hash = ? WHERE id = ?")) {
            select.setFetchSize(500);
            try (ResultSet rs = select.executeQuery()) {
                int pending = 0;
                while (rs.next()) {
                    AuditRecord record = StoredEvent.read(rs).record();
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

    private static long nextId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval('audit_event_id_seq')");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insert(Connection c, AuditRecord r, String prev, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setLong(1, r.id());
            ps.setObject(2, r.occurredAt().atOffset(ZoneOffset.UTC));
            ps.setString(3, r.actorSubject());
            ps.setString(4, r.actorClientId());
            ps.setString(5, r.actorRoles());
            ps.setString(6, r.action());
            ps.setString(7, r.targetType());
            ps.setString(8, r.targetId());
            ps.setString(9, r.before());
            ps.setString(10, r.after());
            ps.setString(11, r.requestId());
            ps.setString(12, r.sourceAddress());
            ps.setString(13, prev);
            ps.setString(14, hash);
            ps.executeUpdate();
        }
    }
}
