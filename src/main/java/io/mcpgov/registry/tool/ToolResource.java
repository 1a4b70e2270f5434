package io.mcpgov.registry.tool;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.RegistryMeta;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Tools of a server version, scope plans and their inverse. Callers who may read the entry may call these. */
@Path(RegistryMeta.EXTENSION_PATH + "/servers/{serverName}/versions/{version}")
@Tag(name = "tools", description = "Per-tool entitlements and least-privilege scope plans for agents")
@SecurityRequirement(name = "bearerAuth")
@Produces(MediaType.APPLICATION_JSON)
public class ToolResource {

    private final ToolService service;

    ToolResource(ToolService service) {
        this.service = service;
    }

    @GET
    @Path("/tools")
    @PermitAll
    @Operation(summary = "The tools of a server version", description = "Each declared tool with its definition,"
            + " classification, scopes, findings, approval state and availability, and how the tools changed against"
            + " the version before. The version may be 'latest'.")
    @APIResponse(responseCode = "200", description = "The version's tools")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "Server version not found (or not listed for this caller)")
    public VersionToolsView tools(@PathParam("serverName") String serverName, @PathParam("version") String version) {
        return service.tools(serverName, version);
    }

    @POST
    @Path("/scope-plan")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Extension(name = "x-audit-event", value = "none") // a read with a body: changes nothing (AuditedOperations)
    @Operation(summary = "Plan the least-privilege scopes for some tools", description = "Body {\"tools\": [names]}."
            + " Answers the minimal scope set (the server's scopesRequired and every scope of the planned tools), the"
            + " resource and authorization servers to request it from, and refuses, per tool with a rule id, tools"
            + " that are unknown (tool-unknown), unavailable (tool-not-approved) or scoped by nothing (tool-no-scope).")
    @RequestBody(description = "{\"tools\": [\"get_forecast\", ...]}")
    @APIResponse(responseCode = "200", description = "The plan; complete is false when some tool was refused")
    @APIResponse(responseCode = "400", description = "No tools, too many, or not strings")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "Server version not found (or not listed for this caller)")
    public ScopePlan plan(@PathParam("serverName") String serverName, @PathParam("version") String version,
            JsonNode body) {
        return service.plan(serverName, version, body);
    }

    @POST
    @Path("/tools-for-scopes")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @Extension(name = "x-audit-event", value = "none") // a read with a body: changes nothing (AuditedOperations)
    @Operation(summary = "Which tools a set of scopes unlocks", description = "Body {\"scopes\": [scopes]}. A tool is"
            + " unlocked when all of its scopes, and all of the server's scopesRequired, are in the set; unavailable"
            + " tools are listed with available=false.")
    @RequestBody(description = "{\"scopes\": [\"weather.read\", ...]}")
    @APIResponse(responseCode = "200", description = "The unlocked tools")
    @APIResponse(responseCode = "400", description = "No scopes, too many, or not strings")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "Server version not found (or not listed for this caller)")
    public ScopeUnlock unlock(@PathParam("serverName") String serverName, @PathParam("version") String version,
            JsonNode body) {
        return service.unlock(serverName, version, body);
    }
}
