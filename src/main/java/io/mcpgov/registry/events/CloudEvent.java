package io.mcpgov.registry.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.util.RawValue;
import io.mcpgov.registry.outbox.GovernanceEvent;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A governance event in CloudEvents 1.0 JSON form. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "sequence", "data"})
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        @Schema(description = "The server name the event is about") String subject,
        Instant time,
        String datacontenttype,
        @Schema(description = "Position in the feed (extension attribute); use it as the feed cursor") String sequence,
        @Schema(implementation = Object.class) RawValue data) {

    static CloudEvent of(GovernanceEvent e, String source) {
        return new CloudEvent("1.0", e.eventId.toString(), source, e.type, e.subject, e.occurredAt, "application/json",
                String.valueOf(e.id), new RawValue(e.data));
    }
}
