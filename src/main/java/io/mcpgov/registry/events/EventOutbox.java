package io.mcpgov.registry.events;

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

    /** Appends one event and its deliveries in one statement, on the transaction's connection. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String type, String serverName, Object data) {
        String namespace = serverName == null ? null : NamespaceService.namespacePart(serverName);
        String matched = namespace == null ? "" : namespace;
        String text = write(data);
        jdbc.update("Writing a governance event", """
                WITH e AS (
                    INSERT INTO governance_event (event_id, type, subject, namespace, occurred_at, data)
                    VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb)) RETURNING id)
                INSERT INTO webhook_delivery (subscription_id, event_id, subject, state, attempts, next_attempt_at)
                SELECT s.id, e.id, ?, 'pending', 0, now() FROM e, webhook_subscription s
                WHERE s.active AND (cardinality(s.types) = 0 OR ? = ANY (s.types))
                  AND (cardinality(s.namespaces) = 0 OR ? = ANY (s.namespaces)
                       OR EXISTS (SELECT 1 FROM unnest(s.namespaces) n WHERE ? LIKE n || '.%'))""", ps -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, type);
            ps.setString(3, serverName);
            ps.setString(4, namespace);
            ps.setTimestamp(5, Timestamp.from(Times.now()));
            ps.setString(6, text);
            ps.setString(7, serverName);
            ps.setString(8, type);
            ps.setString(9, matched);
            ps.setString(10, matched);
        });
        written.fire(new EventsWritten());
    }

    /**
     * Records whether a version is listed and why not; false, changing nothing, when that is what was last recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordListing(long versionId, boolean listed, String reasons) {
        return jdbc.update("Recording a listing state", """
                INSERT INTO listing_state (server_version_id, listed, reasons) VALUES (?, ?, ?)
                ON CONFLICT (server_version_id) DO UPDATE SET listed = EXCLUDED.listed, reasons = EXCLUDED.reasons
                WHERE (listing_state.listed, listing_state.reasons) IS DISTINCT FROM (EXCLUDED.listed, EXCLUDED.reasons)""", ps -> {
            ps.setLong(1, versionId);
            ps.setBoolean(2, listed);
            ps.setString(3, reasons);
        }) > 0;
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data could not be serialised", e);
        }
    }
}
