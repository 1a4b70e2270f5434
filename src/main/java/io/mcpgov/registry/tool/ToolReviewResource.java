package io.mcpgov.registry.tool;

import io.mcpgov.registry.common.PathIds;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.decision.DecisionRequest;
import io.mcpgov.registry.decision.PageRequest;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RegistryMeta.EXTENSION_PATH + "/tool-reviews")
@Tag(name = "tool reviews", description = "Reviewer approval of destructive and flagged tools, per server and tool definition")
@SecurityRequirement(name = "bearerAuth")
@Produces(MediaType.APPLICATION_JSON)
public class ToolReviewResource {

    private final ToolReviewService service;

    ToolReviewResource(ToolReviewService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR, Roles.PUBLISHER})
    @Operation(summary = "The tool review queue", description = "Pending first, then oldest first. A review appears"
            + " when a version is published with a destructive or flagged tool definition that has no open review."
            + " Reviewers, admins and auditors see every review; publishers those of their teams.")
    @APIResponse(responseCode = "200", description = "A page of reviews")
    @APIResponse(responseCode = "400", description = "Invalid filter")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No role that may read reviews")
    public ToolReviewPage list(@QueryParam("state") String state, @QueryParam("serverName") String serverName,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        List<Violation> errors = new ArrayList<>();
        ReviewState wanted = null;
        if (state != null && !state.isBlank()) {
            wanted = ReviewState.fromWire(state.trim()).filter(s -> s != ReviewState.NOT_REQUIRED).orElse(null);
            if (wanted == null) {
                errors.add(new Violation("invalid-state", "/state", "state must be pending, approved, rejected or revoked"));
            }
        }
        PageRequest page = PageRequest.of(cursor, limit, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The filter is invalid.", errors.toArray(Violation[]::new));
        }
        String server = serverName == null || serverName.isBlank() ? null : serverName.trim();
        return service.list(wanted, server, page.offset(), page.limit());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR, Roles.PUBLISHER})
    @Operation(summary = "One tool review", description = "With the tool's declared definition and the versions that carry it.")
    @APIResponse(responseCode = "200", description = "The review")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No such review visible to the caller")
    public ToolReviewView get(@PathParam("id") String id) {
        return service.get(PathIds.uuid(id, "Tool review not found."));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Approve a tool for its server", description = "By a reviewer who published no version"
            + " carrying this definition (four eyes), with a reason. Holds for every version whose tool has the same"
            + " definition and scopes.")
    @APIResponse(responseCode = "200", description = "Approved: the tool is available to agents")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer, or a publisher of the tool (four-eyes)")
    @APIResponse(responseCode = "404", description = "No such review")
    @APIResponse(responseCode = "409", description = "Not pending")
    public ToolReviewView approve(@PathParam("id") String id, DecisionRequest body) {
        return service.approve(PathIds.uuid(id, "Tool review not found."), body);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Reject a tool for its server", description = "By a reviewer who published no version"
            + " carrying this definition, with a reason. The tool is unavailable to agents.")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer, or a publisher of the tool (four-eyes)")
    @APIResponse(responseCode = "404", description = "No such review")
    @APIResponse(responseCode = "409", description = "Not pending")
    public ToolReviewView reject(@PathParam("id") String id, DecisionRequest body) {
        return service.reject(PathIds.uuid(id, "Tool review not found."), body);
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Revoke a tool's approval", description = "Takes effect on the next read. Publishing a"
            + " version that carries the tool again puts it back in the queue.")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer or admin")
    @APIResponse(responseCode = "404", description = "No such review")
    @APIResponse(responseCode = "409", description = "Not approved")
    public ToolReviewView revoke(@PathParam("id") String id, DecisionRequest body) {
        return service.revoke(PathIds.uuid(id, "Tool review not found."), body);
    }


}
