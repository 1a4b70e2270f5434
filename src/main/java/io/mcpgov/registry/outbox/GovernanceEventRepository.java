package io.mcpgov.registry.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.Jdbc;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.namespace.NamespaceService;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * The outbox of governance events: writes them in the caller's transaction, with a delivery row for every
 * subscription that wants them, so that a crash between the commit and the delivery loses nothing; and reads the feed.
 */
@ApplicationScoped
public class GovernanceEventRepository implements PanacheRepositoryBase<GovernanceEvent, Long> {

    private final ObjectMapper json;
    private final Event<EventsWritten> written;
    private final Jdbc jdbc;

    GovernanceEventRepository(ObjectMapper json, Event<EventsWritten> written, Jdbc jdbc) {
        this.jdbc = jdbc;
        this.json = json;
        this.written = written;
    }

    /** An event to append: its type, the server it is about (null for none) and its data. */
    public record NewEvent(String type, String serverName, Object data) {
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

    /** Up to {@code limit} events after the id {@code after}, of one type (null: any), oldest first. */
    public List<GovernanceEvent> feed(long after, String type, int limit) {
        Parameters params = Parameters.with("after", after);
        String query = "id > :after";
        if (type != null) {
            query += " and type = :type";
            params.and("type", type);
        }
        return find(query + " order by id", params).page(0, limit).list();
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data could not be serialised", e);
        }
    }
}
