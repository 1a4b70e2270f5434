package io.mcpgov.registry.events;

import io.mcpgov.registry.common.PageSize;
import io.mcpgov.registry.common.PathIds;
import io.mcpgov.registry.common.QueryParams;
import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RegistryMeta.EXTENSION_PATH + "/webhooks")
@Tag(name = "events", description = "Governance events: webhook subscriptions and the event feed")
@SecurityRequirement(name = "bearerAuth")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookResource {

    private final WebhookService service;

    WebhookResource(WebhookService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a receiver to governance events", description = "Body: {url, types?, namespaces?}"
            + " (absent lists: everything). The answer carries the signing secret, once.")
    @APIResponse(responseCode = "201", description = "Subscribed; keep the secret")
    @APIResponse(responseCode = "400", description = "Malformed body")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "422", description = "Refused URL, unknown type or bad namespace")
    public Response create(WebhookRequest request) {
        return Response.status(201).entity(service.create(request)).build();
    }

    @GET
    @Operation(summary = "Subscriptions, with their deliveries counted by state")
    @APIResponse(responseCode = "200", description = "The subscriptions (never their secrets)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public List<WebhookView> list() {
        return service.list();
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a subscription and its pending deliveries")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public void delete(@PathParam("id") String id) {
        service.delete(PathIds.uuid(id, "Subscription not found."));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Deliveries of a subscription", description = "Filter by state (pending, delivered, failed);"
            + " each with attempts, last status and error.")
    @APIResponse(responseCode = "200", description = "Deliveries in event order")
    @APIResponse(responseCode = "400", description = "Invalid filter")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public List<DeliveryView> deliveries(@PathParam("id") String id, @QueryParam("state") String state,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        List<Violation> errors = new ArrayList<>();
        if (state != null && !List.of("pending", "delivered", "failed").contains(state)) {
            errors.add(new Violation("invalid-state", "/state", "state must be pending, delivered or failed"));
        }
        long after = QueryParams.number(cursor, "/cursor", 0, Long.MAX_VALUE, 0, errors);
        int size = PageSize.REGISTRY.read(limit, errors);
        QueryParams.requireValid(errors);
        return service.deliveries(PathIds.uuid(id, "Subscription not found."), state, after, size);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Send failed deliveries again", description = "All failed deliveries of the subscription, or"
            + " the one of ?sequence=<event sequence>.")
    @APIResponse(responseCode = "200", description = "{replayed: n}")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such subscription")
    public Map<String, Integer> replay(@PathParam("id") String id, @QueryParam("sequence") String sequence) {
        List<Violation> errors = new ArrayList<>();
        long one = QueryParams.number(sequence, "/sequence", 1, Long.MAX_VALUE, -1, errors);
        QueryParams.requireValid(errors);
        return Map.of("replayed", service.replay(PathIds.uuid(id, "Subscription not found."), one < 0 ? null : one));
    }

}
