package io.mcpgov.registry.publish;

import io.mcpgov.registry.security.Roles;
import io.mcpgov.registry.server.ServerResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The official generic registry API's status operations (active, deprecated, deleted), beside the reads of the same
 * servers. Served under /v0.1 (frozen) and /v0 (still used by mcp-publisher) by the two subclasses.
 */
@Tag(name = "servers", description = "Discover MCP servers and manage their lifecycle status")
@Produces(MediaType.APPLICATION_JSON)
public abstract class StatusApi {

    @Inject
    ServerStatusService statuses;

    @PATCH
    @Path("/servers/{serverName}/versions/{version}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PUBLISHER, Roles.ADMIN})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "Update a server version's status", description = "active, deprecated or deleted, with an"
            + " optional statusMessage (not with active). Deleting the latest version moves latest to the highest"
            + " remaining version. Publishers of the owning team and admins.")
    @APIResponse(responseCode = "200", description = "The updated version")
    @APIResponse(responseCode = "400", description = "Invalid status or message")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller's teams do not own this namespace")
    @APIResponse(responseCode = "404", description = "Server version not found")
    @APIResponse(responseCode = "422", description = "Nothing to change")
    public ServerResponse updateVersionStatus(@PathParam("serverName") String serverName,
            @PathParam("version") String version, StatusUpdateRequest request) {
        return statuses.updateVersion(serverName, version, request);
    }

    @PATCH
    @Path("/servers/{serverName}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PUBLISHER, Roles.ADMIN})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "Update the status of all versions of a server", description = "In one transaction.")
    @APIResponse(responseCode = "200", description = "The versions that changed")
    @APIResponse(responseCode = "400", description = "Invalid status or message")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller's teams do not own this namespace")
    @APIResponse(responseCode = "404", description = "Server not found")
    @APIResponse(responseCode = "422", description = "Nothing to change")
    public AllVersionsStatusResponse updateAllStatus(@PathParam("serverName") String serverName,
            StatusUpdateRequest request) {
        return statuses.updateAll(serverName, request);
    }
}
