package io.mcpgov.registry.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A page of the feed. {@code nextCursor} is the last event's sequence: poll again with it to get newer events. */
public record EventPage(List<CloudEvent> events, Metadata metadata) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(String nextCursor, int count) {
    }
}
