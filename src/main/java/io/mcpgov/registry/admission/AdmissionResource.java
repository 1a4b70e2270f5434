package io.mcpgov.registry.admission;

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

@Path(RegistryMeta.EXTENSION_PATH + "/admissions")
@Tag(name = "admissions", description = "Admission review of new servers and versions that widen what agents reach")
@SecurityRequirement(name = "bearerAuth")
@Produces(MediaType.APPLICATION_JSON)
public class AdmissionResource {

    private final AdmissionService service;

    AdmissionResource(AdmissionService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR, Roles.PUBLISHER})
    @Operation(summary = "The admission queue", description = "Pending first, then oldest first. Reviewers, admins and"
            + " auditors see every request; publishers those of their teams.")
    @APIResponse(responseCode = "200", description = "A page of admission requests")
    @APIResponse(responseCode = "400", description = "Invalid filter")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No role that may read admissions")
    public AdmissionPage list(@QueryParam("state") String state, @QueryParam("serverName") String serverName,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        List<Violation> errors = new ArrayList<>();
        if (state != null && !List.of("pending", "admitted", "rejected").contains(state)) {
            errors.add(new Violation("invalid-state", "/state", "state must be pending, admitted or rejected"));
        }
        PageRequest page = PageRequest.of(cursor, limit, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The filter is invalid.", errors.toArray(Violation[]::new));
        }
        String server = serverName == null || serverName.isBlank() ? null : serverName.trim();
        return service.list(state, server, page.offset(), page.limit());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR, Roles.PUBLISHER})
    @Operation(summary = "One admission request, with what it widens and its changes field by field")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "No such request visible to the caller")
    public AdmissionView get(@PathParam("id") String id) {
        return service.get(PathIds.uuid(id, "Admission not found."));
    }

    @POST
    @Path("/{id}/admit")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Admit a waiting version", description = "By a reviewer who did not publish it, with a reason."
            + " The version is listed and may become latest.")
    @APIResponse(responseCode = "200", description = "Admitted")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer, or its publisher (four-eyes)")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Already decided")
    public AdmissionView admit(@PathParam("id") String id, DecisionRequest body) {
        return service.admit(PathIds.uuid(id, "Admission not found."), body);
    }

    @POST
    @Path("/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.REVIEWER)
    @Operation(summary = "Refuse a waiting version", description = "By a reviewer who did not publish it, with a reason.")
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "400", description = "No reason")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a reviewer, or its publisher (four-eyes)")
    @APIResponse(responseCode = "404", description = "No such request")
    @APIResponse(responseCode = "409", description = "Already decided")
    public AdmissionView reject(@PathParam("id") String id, DecisionRequest body) {
        return service.reject(PathIds.uuid(id, "Admission not found."), body);
    }


}
