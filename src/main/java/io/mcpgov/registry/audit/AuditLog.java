package io.mcpgov.registry.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.RequestInfo;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Writes audit events. It joins the caller's transaction and refuses to run without one, so a change and its
 * event commit or roll back together.
 */
@ApplicationScoped
public class AuditLog {

    /** The actor of changes the registry makes on its own, such as scheduled verification. */
    public static final String SYSTEM_ACTOR = "system:registry";

    private final AuditEventRepository events;
    private final Caller caller;
    private final RequestInfo request;
    private final ObjectMapper json;

    AuditLog(AuditEventRepository events, Caller caller, RequestInfo request, ObjectMapper json) {
        this.events = events;
        this.caller = caller;
        this.request = request;
        this.json = json;
    }

    /**
     * @param before the target's state before the change (a record or map; null for a creation); never secrets
     * @param after the target's state after the change (null for a removal); never secrets
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent record(String action, String targetType, String targetId, Object before, Object after) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = Times.now();
        if (!caller.anonymous()) {
            event.actorSubject = caller.subject();
            event.actorClientId = caller.clientId();
        }
        event.actorRoles = String.join(",", caller.roles());
        event.action = action;
        event.targetType = targetType;
        event.targetId = targetId;
        event.before = toJson(before);
        event.after = toJson(after);
        event.requestId = request.requestId();
        event.sourceAddress = request.sourceAddress();
        events.persist(event);
        return event;
    }

    /** A change the registry made on its own (no caller), such as a scheduled verification. */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEvent recordSystem(String action, String targetType, String targetId, Object before, Object after) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = Times.now();
        event.actorSubject = SYSTEM_ACTOR;
        event.actorRoles = "";
        event.action = action;
        event.targetType = targetType;
        event.targetId = targetId;
        event.before = toJson(before);
        event.after = toJson(after);
        events.persist(event);
        return event;
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit state could not be serialised", e);
        }
    }
}
