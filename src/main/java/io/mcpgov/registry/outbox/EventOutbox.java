package io.mcpgov.registry.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.Jdbc;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.namespace.NamespaceService;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes governance events in the caller's transaction, with a delivery row for every subscription that wants them:
 * a crash between the commit and the delivery loses nothing.
 */
@ApplicationScoped
public class EventOutbox implements PanacheRepositoryBase<GovernanceEvent, Long> {

    private final ObjectMapper json;
    private final Event<EventsWritten> written;
    private final Jdbc jdbc;

    EventOutbox(ObjectMapper json, Event<EventsWritten> written, Jdbc jdbc) {
        this.jdbc = jdbc;
        this.json = json;
        this.written = written;
    }

    /** An event to append: its type, the server it is about (null for none) and its data. */
    public record NewEvent(String type, String serverName, Object data) {
    }

    /** One version's listing as the gate decides it now. */
    public record Listing(long versionId, boolean listed, String reasons) {
    }

    /** Appends one event and its deliveries, on the transaction's connection. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String type, String serverName, Object data) {
        appendAll(List.of(new NewEvent(type, serverName, data)));
    }

    /** Appends events, in order, and their deliveries in one statement; nothing when there are none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void appendAll(List<NewEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] subjects = new String[n];
        String[] namespaces = new String[n];
        String[] data = new String[n];
        for (int i = 0; i < n; i++) {
            NewEvent event = events.get(i);
            ids[i] = UUID.randomUUID().toString();
            types[i] = event.type();
            subjects[i] = event.serverName();
            namespaces[i] = event.serverName() == null ? null : NamespaceService.namespacePart(event.serverName());
            data[i] = write(event.data());
        }
        jdbc.update("Writing governance events", """
                WITH input AS (
                    SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
                        AS i (event_id, type, subject, namespace, data, position)),
                e AS (
                    INSERT INTO governance_event (event_id, type, subject, namespace, occurred_at, data)
                    SELECT CAST(event_id AS uuid), type, subject, namespace, ?, CAST(data AS jsonb)
                    FROM input ORDER BY position
                    RETURNING id, type, subject, coalesce(namespace, '') AS matched)
                INSERT INTO webhook_delivery (subscription_id, event_id, subject, state, attempts, next_attempt_at)
                SELECT s.id, e.id, e.subject, 'pending', 0, now() FROM e, webhook_subscription s
                WHERE s.active AND (cardinality(s.types) = 0 OR e.type = ANY (s.types))
                  AND (cardinality(s.namespaces) = 0 OR e.matched = ANY (s.namespaces)
                       OR EXISTS (SELECT 1 FROM unnest(s.namespaces) n WHERE e.matched LIKE n || '.%'))""", ps -> {
            Jdbc.setTextArray(ps, 1, ids);
            Jdbc.setTextArray(ps, 2, types);
            Jdbc.setTextArray(ps, 3, subjects);
            Jdbc.setTextArray(ps, 4, namespaces);
            Jdbc.setTextArray(ps, 5, data);
            ps.setTimestamp(6, Timestamp.from(Times.now()));
        });
        written.fire(new EventsWritten());
    }

    /**
     * Records whether versions are listed and why not, in one statement; the ids of those whose state changed
     * (versions whose state is what was last recorded are left as they are).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<Long> recordListings(Collection<Listing> listings) {
        if (listings.isEmpty()) {
            return Set.of();
        }
        Long[] ids = listings.stream().map(Listing::versionId).toArray(Long[]::new);
        Boolean[] listed = listings.stream().map(Listing::listed).toArray(Boolean[]::new);
        String[] reasons = listings.stream().map(Listing::reasons).toArray(String[]::new);
        return new HashSet<>(jdbc.list("Recording listing states", """
                INSERT INTO listing_state (server_version_id, listed, reasons)
                SELECT * FROM unnest(?::bigint[], ?::boolean[], ?::text[])
                ON CONFLICT (server_version_id) DO UPDATE SET listed = EXCLUDED.listed, reasons = EXCLUDED.reasons
                WHERE (listing_state.listed, listing_state.reasons) IS DISTINCT FROM (EXCLUDED.listed, EXCLUDED.reasons)
                RETURNING server_version_id""", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids));
            ps.setArray(2, ps.getConnection().createArrayOf("boolean", listed));
            Jdbc.setTextArray(ps, 3, reasons);
        }, rs -> rs.getLong(1)));
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data could not be serialised", e);
        }
    }
}
