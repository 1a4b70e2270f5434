package io.mcpgov.registry.events;

import io.mcpgov.registry.common.PageMetadata;
import io.mcpgov.registry.common.PageSize;
import io.mcpgov.registry.common.QueryParams;
import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.outbox.EventTypes;
import io.mcpgov.registry.outbox.GovernanceEvent;
import io.mcpgov.registry.outbox.GovernanceEventRepository;
import io.mcpgov.registry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RegistryMeta.EXTENSION_PATH + "/events")
@Tag(name = "events")
@SecurityRequirement(name = "bearerAuth")
public class EventFeedResource {

    private final GovernanceEventRepository events;
    private final EventsConfig config;

    EventFeedResource(GovernanceEventRepository events, EventsConfig config) {
        this.events = events;
        this.config = config;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.AUDITOR, Roles.REVIEWER})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The governance event feed", description = "CloudEvents 1.0, oldest first, for systems that"
            + " poll instead of receiving webhooks: pass metadata.nextCursor (the last event's sequence) as cursor.")
    @APIResponse(responseCode = "200", description = "{events: [CloudEvent], metadata: {nextCursor, count}}")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin, auditor or reviewer")
    public EventPage feed(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit,
            @QueryParam("type") String type) {
        List<Violation> errors = new ArrayList<>();
        long after = QueryParams.number(cursor, "/cursor", 0, Long.MAX_VALUE, 0, errors);
        int size = PageSize.REGISTRY.read(limit, errors);
        if (type != null && !EventTypes.ALL.contains(type)) {
            errors.add(new Violation("invalid-type", "/type", "unknown event type"));
        }
        QueryParams.requireValid(errors);
        List<GovernanceEvent> found = events.feed(after, type, size + 1);
        String next = null;
        if (found.size() > size) {
            found = found.subList(0, size);
        }
        if (!found.isEmpty()) {
            next = String.valueOf(found.get(found.size() - 1).id);
        }
        return new EventPage(found.stream().map(e -> CloudEvent.of(e, config.source())).toList(),
                new PageMetadata(next, found.size()));
    }
}
