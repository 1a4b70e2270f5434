package io.mcpgov.registry.events;

import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.common.PageMetadata;
import java.util.List;

/** A page of the feed. {@code nextCursor} is the last event's sequence: poll again with it to get newer events. */
public record EventPage(List<CloudEvent> events, PageMetadata metadata) {

    public static EventPage of(Page<CloudEvent> page) {
        return new EventPage(page.items(), page.metadata());
    }
}
