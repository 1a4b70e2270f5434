package io.mcpgov.registry.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription on the wire; the secret appears only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        UUID id,
        String url,
        List<String> types,
        List<String> namespaces,
        String createdBy,
        Instant createdAt,
        boolean active,
        @Schema(description = "Only when the subscription is made: the HMAC-SHA256 key (keep it; it is never shown again)")
        String secret,
        @Schema(description = "Deliveries by state") Map<String, Long> deliveries) {

    static WebhookView of(WebhookSubscription s, String secret, Map<String, Long> deliveries) {
        return new WebhookView(s.id, s.url, List.of(s.types), List.of(s.namespaces), s.createdBy, s.createdAt, s.active,
                secret, deliveries);
    }
}
