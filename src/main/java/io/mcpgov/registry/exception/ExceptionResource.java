package io.mcpgov.registry.exception;

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
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RegistryMeta.EXTENSION_PATH + "/exceptions")
@Tag(name = "exceptions", description = "Reviewed exceptions that let API-key-only servers be listed for a while")
@SecurityRequirement(name = "bearerAuth")
@Produces(MediaType.APPLICATION_JSON)
public class ExceptionResource {

    private final ExceptionService service;

    ExceptionResource(ExceptionService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PUBLISHER)
    @Operation(summary = "Request an exception", description = "By a publisher of the team that owns the server."
            + " transitional: expiresAt required, at most registry.exceptions.transitional-max-days ahead."
            + " permanent: reviewBy required, at most registry.exceptions.permanent-max-review-days ahead; it ends then"
            + " unless renewed by a new request.")
    @APIResponse(responseCode = "201", description = "Requested; pending a reviewer's decision")
    @APIResponse(responseCode = "400", description = "Malformed body")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a publisher of the owning team")
    @APIResponse(responseCode = "404", description = "No such server")
    @APIResponse(responseCode = "422", description = "Refused: every violation with its rule id")
    public Response request(ExceptionRequest body) {
        ExceptionView created = service.request(body);
        return Response.status(201).entity(created).build();
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR, Roles.PUBLISHER})
    @Operation(summary = "The exception queue", description = "Pending first, then oldest first. Reviewers, admins"
            + " and auditors see every exception; publishers those of their teams.")
    @APIResponse(responseCode = "200", description = "A page of exceptions")
    @APIResponse(responseCode = "400", description = "Invalid filter")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No role that may read exceptions")
    public ExceptionPage list(@QueryParam("state") String state, @QueryParam("serverName") String serverName,
            @QueryParam("classification") String classification, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        List<Violation> errors = new ArrayList<>();
        ExceptionState wanted = null;
        if (state != null && !state.isBlank()) {
            wanted = Arrays.stream(ExceptionState.values()).filter(s -> s.wire().equals(state.trim())).findFirst().orElse(null);
            if (wanted == null) {
                errors.add(new Violation("invalid-state", "/state", "state must be pending, approved, rejected, revoked or expired"));
            }
        }
        if (classification != null && !classification.isBlank()
                && !List.of("transitional", "permanent").contains(classification.trim())) {
            errors.add(new Violation("invalid-classification", "/classification", "classification must be transitional or permanent"));
        }
        PageRequest page = PageRequest.of(cursor, limit, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The filter is invalid.", errors.toArray(Violation[]::new));
        }
        return service.list(wanted, blankToNull(serverName), blankToNull(classification), page.offset(), page.limit());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR, Roles.PUBLISHER})
    @Operation(summary = "One exception")
    @APIResponse(responseCode = "200", description = "The exception")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No such exception visible to the caller")
    public ExceptionView get(@PathParam("id") String id) {
        return service.get(PathIds.uuid(id, "Exception not found."));
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Approve a pending exception", description = "By a reviewer who did not request it (four eyes), with a reason.")
    @APIResponse(responseCode = "200", description = "Approved: covered versions are listed until it ends")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer, or the requester (four-eyes)")
    @APIResponse(responseCode = "404", description = "No such exception")
    @APIResponse(responseCode = "409", description = "Not pending (already decided, or ended)")
    public ExceptionView approve(@PathParam("id") String id, DecisionRequest body) {
        return service.approve(PathIds.uuid(id, "Exception not found."), body);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Reject a pending exception", description = "By a reviewer who did not request it, with a reason.")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer, or the requester (four-eyes)")
    @APIResponse(responseCode = "404", description = "No such exception")
    @APIResponse(responseCode = "409", description = "Not pending")
    public ExceptionView reject(@PathParam("id") String id, DecisionRequest body) {
        return service.reject(PathIds.uuid(id, "Exception not found."), body);
    }

    @POST
    @Path("/{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    @Operation(summary = "Revoke an approved exception", description = "Takes effect on the next read. Renewal is a new request.")
    @APIResponse(responseCode = "200", description = "Revoked")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer or admin")
    @APIResponse(responseCode = "404", description = "No such exception")
    @APIResponse(responseCode = "409", description = "Not approved, or already ended")
    public ExceptionView revoke(@PathParam("id") String id, DecisionRequest body) {
        return service.revoke(PathIds.uuid(id, "Exception not found."), body);
    }



    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
