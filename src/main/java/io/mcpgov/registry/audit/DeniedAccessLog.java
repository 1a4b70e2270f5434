package io.mcpgov.registry.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Writes refused attempts in a transaction of their own (the refused change has none). */
@ApplicationScoped
public class DeniedAccessLog {

    private final AuditChainRepository chain;
    private final ObjectMapper json;

    DeniedAccessLog(AuditChainRepository chain, ObjectMapper json) {
        this.chain = chain;
        this.json = json;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(AuditRecord draft) {
        chain.append(List.of(draft));
    }

    String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Audit state could not be serialised", e);
        }
    }
}
