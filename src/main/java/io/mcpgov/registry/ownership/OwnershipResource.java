package io.mcpgov.registry.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RegistryMeta.EXTENSION_PATH + "/ownership/{serverName}")
@Tag(name = "ownership", description = "Accountable owners, operational contacts, offboarding")
@SecurityRequirement(name = "bearerAuth")
@Produces(MediaType.APPLICATION_JSON)
public class OwnershipResource {

    private final OwnershipService service;

    OwnershipResource(OwnershipService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.PUBLISHER, Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Who answers for a server", description = "Owning team, accountable owner, operational"
            + " contact, and whether it is orphaned. Publishers see their teams' servers.")
    @APIResponse(responseCode = "200", description = "The server's ownership")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No role that may read ownership")
    @APIResponse(responseCode = "404", description = "No such server visible to the caller")
    public OwnershipView get(@Parameter(description = "URL-encoded server name") @PathParam("serverName") String serverName) {
        return service.get(serverName);
    }

    @PUT
    @Path("/accountable-owner")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PUBLISHER, Roles.ADMIN})
    @Operation(summary = "Transfer or take over a server", description = "Every version of the server gets the new"
            + " accountable owner. By a publisher of the owning team or an admin. The new owner must belong to the"
            + " owning team: name yourself to take the server over (your token proves your membership), or name someone"
            + " the registry has seen act with a token carrying the team (within"
            + " registry.ownership.known-subject-max-age-days). Taking over an orphaned server lists it again.")
    @APIResponse(responseCode = "200", description = "The server's ownership after the change (unchanged: no event)")
    @APIResponse(responseCode = "400", description = "accountableOwner or reason missing")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a publisher of the owning team, nor an admin")
    @APIResponse(responseCode = "404", description = "No such server")
    @APIResponse(responseCode = "422", description = "owner-unknown, owner-not-in-team or owner-offboarded")
    public OwnershipView transfer(@PathParam("serverName") String serverName, TransferRequest body) {
        return service.transfer(serverName, body);
    }

    @PUT
    @Path("/contact")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PUBLISHER, Roles.ADMIN})
    @RequestBody(description = "{name, email, url}: email or url required; url is https")
    @Operation(summary = "Set the operational contact", description = "For every version of the server. Publishers"
            + " can also declare it at publish, in _meta[\"io.mcpgov.registry/governance\"].contact.")
    @APIResponse(responseCode = "200", description = "The server's ownership after the change (unchanged: no event)")
    @APIResponse(responseCode = "400", description = "Not a JSON object")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not a publisher of the owning team, nor an admin")
    @APIResponse(responseCode = "404", description = "No such server")
    @APIResponse(responseCode = "422", description = "The contact does not match the schema (rule ids contact-*)")
    public OwnershipView setContact(@PathParam("serverName") String serverName, JsonNode contact) {
        return service.setContact(serverName, contact);
    }
}
