package io.mcpgov.registry.exception;

import java.time.Instant;
import java.util.List;

/**
 * Queue filters. A requested state maps to stored states plus, for pending, approved and expired, whether the end
 * date has passed ({@code ended}; null: either).
 */
public record ExceptionFilter(List<String> storedStates, Boolean ended, String serverName, String classification,
        Instant now) {

    public static ExceptionFilter of(ExceptionState state, String serverName, String classification, Instant now) {
        if (state == null) {
            return new ExceptionFilter(null, null, serverName, classification, now);
        }
        return switch (state) {
            case PENDING, APPROVED -> new ExceptionFilter(List.of(state.wire()), false, serverName, classification, now);
            case EXPIRED -> new ExceptionFilter(List.of("pending", "approved"), true, serverName, classification, now);
            case REJECTED, REVOKED -> new ExceptionFilter(List.of(state.wire()), null, serverName, classification, now);
        };
    }
}
