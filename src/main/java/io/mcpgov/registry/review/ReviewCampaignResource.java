package io.mcpgov.registry.review;

import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.common.PageMetadata;
import io.mcpgov.registry.common.PageSize;
import io.mcpgov.registry.common.PathIds;
import io.mcpgov.registry.common.QueryParams;
import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RegistryMeta.EXTENSION_PATH + "/review-campaigns")
@Tag(name = "access reviews", description = "Campaigns in which accountable owners re-attest their servers")
@SecurityRequirement(name = "bearerAuth")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewCampaignResource {

    private final ReviewService service;

    ReviewCampaignResource(ReviewService service) {
        this.service = service;
    }

    /** A page of items; {@code nextCursor} (a server name) is present when more may follow. */
    public record ItemPage(List<ReviewItemView> items, PageMetadata metadata) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Start an access review campaign", description = "{name, dueAt, team?}: one item per"
            + " server (its latest version; only the team's servers when team is given), asking its accountable owner"
            + " to re-attest that its scopes, tools and exceptions are still needed by dueAt (at most 366 days ahead).")
    @APIResponse(responseCode = "201", description = "The campaign with its progress")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer or admin")
    @APIResponse(responseCode = "422", description = "Refused: name or dueAt missing or out of range, nothing to review")
    public Response create(CampaignRequest body) {
        return Response.status(201).entity(service.create(body)).build();
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Campaigns", description = "The 100 most recent, newest first, with their progress.")
    @APIResponse(responseCode = "200", description = "Campaigns")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer, admin or auditor")
    public List<CampaignView> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "A campaign's progress", description = "Items by state (pending, attested,"
            + " changesNeeded, overdue), overall and per accountable owner.")
    @APIResponse(responseCode = "200", description = "The campaign")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer, admin or auditor")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public CampaignView get(@PathParam("id") String id) {
        return service.get(PathIds.uuid(id, "Campaign not found."));
    }

    @GET
    @Path("/{id}/items")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR, Roles.PUBLISHER})
    @Operation(summary = "A campaign's items", description = "By server name; filter by state (pending, attested,"
            + " changes-needed), owner (accountable owner) and overdue (true, false). Publishers see the items of"
            + " their teams' servers and of the servers they are accountable for.")
    @APIResponse(responseCode = "200", description = "A page of items")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No role that may read reviews")
    @APIResponse(responseCode = "404", description = "No such campaign")
    public ItemPage items(@PathParam("id") String id, @QueryParam("state") String state,
            @QueryParam("owner") String owner, @QueryParam("overdue") String overdue,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        List<Violation> errors = new ArrayList<>();
        String wanted = ReviewService.blankToNull(state);
        if (wanted != null && !List.of("pending", ReviewService.ATTESTED, ReviewService.CHANGES_NEEDED).contains(wanted)) {
            errors.add(new Violation("invalid-state", "/state", "state must be pending, attested or changes-needed"));
        }
        Boolean late = null;
        if (ReviewService.blankToNull(overdue) != null) {
            late = switch (overdue.trim()) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> {
                    errors.add(new Violation("invalid-boolean", "/overdue", "overdue must be true or false"));
                    yield null;
                }
            };
        }
        int size = PageSize.REGISTRY.read(limit, errors);
        QueryParams.requireValid(errors);
        List<ReviewItemView> found = service.items(PathIds.uuid(id, "Campaign not found."),
                new ReviewItemRepository.ItemFilter(wanted, ReviewService.blankToNull(owner), late,
                        ReviewService.blankToNull(cursor), size + 1));
        Page<ReviewItemView> page = Page.of(found, size, ReviewItemView::serverName);
        return new ItemPage(page.items(), page.metadata());
    }

    @POST
    @Path("/{id}/items/{serverName}/attest")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PUBLISHER)
    @Operation(summary = "Attest a server", description = "By its accountable owner: its scopes, tools and"
            + " exceptions (the item's facts, recorded as attested) are still needed. Optional {note}. An answer can"
            + " be changed until the campaign is closed.")
    @APIResponse(responseCode = "200", description = "The item, attested")
    @APIResponse(responseCode = "400", description = "Note too long")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not the server's accountable owner")
    @APIResponse(responseCode = "404", description = "No such campaign, or the campaign does not review this server")
    @APIResponse(responseCode = "409", description = "The campaign is closed")
    public ReviewItemView attest(@PathParam("id") String id,
            @Parameter(description = "URL-encoded server name") @PathParam("serverName") String serverName,
            ReviewAnswer body) {
        return service.answer(PathIds.uuid(id, "Campaign not found."), serverName, ReviewService.ATTESTED, body);
    }

    @POST
    @Path("/{id}/items/{serverName}/flag-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PUBLISHER)
    @Operation(summary = "Flag changes a server needs", description = "By its accountable owner, with a {note} on what"
            + " is no longer needed (a scope, a tool, an exception).")
    @APIResponse(responseCode = "200", description = "The item, changes-needed")
    @APIResponse(responseCode = "400", description = "No note")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not the server's accountable owner")
    @APIResponse(responseCode = "404", description = "No such campaign, or the campaign does not review this server")
    @APIResponse(responseCode = "409", description = "The campaign is closed")
    public ReviewItemView flagChanges(@PathParam("id") String id, @PathParam("serverName") String serverName,
            ReviewAnswer body) {
        return service.answer(PathIds.uuid(id, "Campaign not found."), serverName, ReviewService.CHANGES_NEEDED, body);
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Close a campaign", description = "No more answers. Items still pending stay pending (and"
            + " overdue) until a later campaign reviews their servers.")
    @APIResponse(responseCode = "200", description = "The closed campaign")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer or admin")
    @APIResponse(responseCode = "404", description = "No such campaign")
    @APIResponse(responseCode = "409", description = "Already closed")
    public CampaignView close(@PathParam("id") String id) {
        return service.close(PathIds.uuid(id, "Campaign not found."));
    }

}
