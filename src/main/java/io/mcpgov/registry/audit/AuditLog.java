package io.mcpgov.registry.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.BeforeCommit;
import io.mcpgov.registry.common.RequestInfo;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes audit events. It joins the caller's transaction and refuses to run without one, so a change and its
 * event commit or roll back together.
 */
@ApplicationScoped
public class AuditLog {

    /** The actor of changes the registry makes on its own, such as scheduled verification. */
    public static final String SYSTEM_ACTOR = "system:registry";

    private final AuditChainRepository chain;
    private final Caller caller;
    private final RequestInfo request;
    private final ObjectMapper json;
    private final Event<ActorActed> acted;

    private final TransactionSynchronizationRegistry transactions;
    private final BeforeCommit beforeCommit;

    AuditLog(AuditChainRepository chain, Caller caller, RequestInfo request, ObjectMapper json,
            Event<ActorActed> acted, TransactionSynchronizationRegistry transactions, BeforeCommit beforeCommit) {
        this.transactions = transactions;
        this.beforeCommit = beforeCommit;
        this.chain = chain;
        this.caller = caller;
        this.request = request;
        this.json = json;
        this.acted = acted;
    }

    /**
     * @param before the target's state before the change (a record or map; null for a creation); never secrets
     * @param after the target's state after the change (null for a removal); never secrets
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String targetType, String targetId, Object before, Object after) {
        boolean anonymous = caller.anonymous();
        AuditRecord draft = new AuditRecord(0, Times.now(), anonymous ? null : caller.subject(),
                anonymous ? null : caller.clientId(), String.join(",", caller.roles()), action, targetType, targetId,
                toJson(before), toJson(after), request.requestId(), request.sourceAddress());
        if (!anonymous) {
            acted.fire(new ActorActed(draft.actorSubject(), caller.teams(), draft.occurredAt()));
        }
        pending().add(draft);
    }

    /** A change the registry made on its own (no caller, no request), such as a scheduled verification. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordSystem(String action, String targetType, String targetId, Object before, Object after) {
        pending().add(new AuditRecord(0, Times.now(), SYSTEM_ACTOR, null, "", action, targetType, targetId,
                toJson(before), toJson(after), null, null));
    }

    /**
     * The transaction's events, appended to the chain just before it commits (not when recorded): the chain's lock is
     * then held only for the append and the commit, and a transaction that rolls back leaves no event.
     */
    private List<AuditRecord> pending() {
        @SuppressWarnings("unchecked")
        List<AuditRecord> pending = (List<AuditRecord>) transactions.getResource(AuditLog.class);
        if (pending == null) {
            List<AuditRecord> created = new ArrayList<>();
            transactions.putResource(AuditLog.class, created);
            beforeCommit.once(BeforeCommit.Step.AUDIT_APPEND, () -> chain.append(created));
            pending = created;
        }
        return pending;
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
