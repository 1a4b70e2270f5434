package io.mcpgov.registry.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.namespace.NamespaceService;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Writes governance events in the caller's transaction, with a delivery row for every subscription that wants them:
 * a crash between the commit and the delivery loses nothing.
 */
@ApplicationScoped
public class EventOutbox implements PanacheRepositoryBase<GovernanceEvent, Long> {

    private final ObjectMapper json;
    private final Event<EventsWritten> written;

    EventOutbox(ObjectMapper json, Event<EventsWritten> written) {
        this.json = json;
        this.written = written;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public GovernanceEvent append(String type, String serverName, Object data) {
        GovernanceEvent event = new GovernanceEvent();
        event.eventId = UUID.randomUUID();
        event.type = type;
        event.subject = serverName;
        event.namespace = serverName == null ? null : NamespaceService.namespacePart(serverName);
        event.occurredAt = Times.now();
        event.data = write(data);
        persist(event);
        flush();
        getEntityManager().createNativeQuery("""
                INSERT INTO webhook_delivery (subscription_id, event_id, subject, state, attempts, next_attempt_at)
                SELECT s.id, ?1, ?2, 'pending', 0, now() FROM webhook_subscription s
                WHERE s.active AND (cardinality(s.types) = 0 OR ?3 = ANY (s.types))
                  AND (cardinality(s.namespaces) = 0 OR ?4 = ANY (s.namespaces)
                       OR EXISTS (SELECT 1 FROM unnest(s.namespaces) n WHERE ?4 LIKE n || '.%'))""")
                .setParameter(1, event.id)
                .setParameter(2, event.subject)
                .setParameter(3, event.type)
                .setParameter(4, event.namespace == null ? "" : event.namespace)
                .executeUpdate();
        written.fire(new EventsWritten());
        return event;
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data could not be serialised", e);
        }
    }
}
