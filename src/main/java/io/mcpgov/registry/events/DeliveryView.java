package io.mcpgov.registry.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One event's delivery to one subscription. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(long sequence, String eventId, String type, String subject, String state, int attempts,
        Instant nextAttemptAt, Integer lastStatus, String lastError, Instant deliveredAt) {
}
