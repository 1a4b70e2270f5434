package io.mcpgov.registry.exception;

import io.mcpgov.registry.decision.DecisionQuery;
import java.time.Instant;
import java.util.List;

/**
 * Queue filters. A requested state maps to stored states plus, for pending, approved and expired, whether the end
 * date has passed (expiry is never stored).
 */
final class ExceptionFilter {

    private ExceptionFilter() {
    }

    static DecisionQuery of(ExceptionState state, String serverName, String classification, Instant now) {
        DecisionQuery query = DecisionQuery.all().server(serverName);
        if (classification != null) {
            query.where("classification = :classification", "classification", classification);
        }
        if (state == null) {
            return query;
        }
        return switch (state) {
            case PENDING, APPROVED -> query.inStates(List.of(state.wire())).where("expiresAt > :now", "now", now);
            case EXPIRED -> query.inStates(List.of("pending", "approved")).where("expiresAt <= :now", "now", now);
            case REJECTED, REVOKED -> query.inStates(List.of(state.wire()));
        };
    }
}
