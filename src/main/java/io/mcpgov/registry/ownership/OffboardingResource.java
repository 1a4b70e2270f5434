package io.mcpgov.registry.ownership;

import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RegistryMeta.EXTENSION_PATH + "/offboardings")
@Tag(name = "ownership", description = "Accountable owners, operational contacts, offboarding")
@SecurityRequirement(name = "bearerAuth")
@Produces(MediaType.APPLICATION_JSON)
public class OffboardingResource {

    private final OffboardingService service;

    OffboardingResource(OffboardingService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Offboard a person", description = "For an HR or IdP process. The servers the subject is"
            + " accountable for become orphaned: hidden from agents (rule owner-offboarded) until a publisher of the"
            + " owning team takes them over. Exceptions (and, where installed, tool approvals) the subject requested or"
            + " decided that are still in force are flagged for a new decision. Nothing is deleted. Idempotent: a"
            + " second call changes nothing and answers 200 with the current effect.")
    @APIResponse(responseCode = "201", description = "Offboarded: what it orphaned and flagged")
    @APIResponse(responseCode = "200", description = "Already offboarded: the current effect")
    @APIResponse(responseCode = "400", description = "subject or reason missing")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public Response offboard(OffboardingRequest body) {
        OffboardingService.Outcome outcome = service.offboard(body);
        return Response.status(outcome.created() ? 201 : 200).entity(outcome.view()).build();
    }
}
