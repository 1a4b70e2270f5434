package io.mcpgov.registry.server;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The official generic registry API's server operations. Served under /v0.1 (frozen) and /v0 (still used by
 * mcp-publisher) by the two subclasses. Reads run on the event loop and leave it only to compute an answer the read
 * cache does not hold.
 */
@Tag(name = "servers", description = "Discover MCP servers and manage their lifecycle status")
@Produces(MediaType.APPLICATION_JSON)
public abstract class ServerApi {

    @Inject
    ServerReadService reads;

    @GET
    @Path("/servers")
    @PermitAll
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "List MCP servers", description = "One item per server version, ordered by name then version,"
            + " with keyset pagination. Entries the listing gate hides are left out for agents; owners, reviewers and"
            + " admins also see them, with listed=false and the reasons. A token is required unless"
            + " registry.read.anonymous=true.")
    @APIResponse(responseCode = "200", description = "A page of server versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServerListResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters (application/problem+json)")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The token carries no registry role")
    public Uni<Response> list(
            @Parameter(description = "Opaque cursor from metadata.nextCursor") @QueryParam("cursor") String cursor,
            @Parameter(description = "Page size, 1 to 100 (default 30)") @QueryParam("limit") String limit,
            @Parameter(description = "Case-insensitive substring of the server name") @QueryParam("search") String search,
            @Parameter(description = "RFC 3339; only entries updated after it, deleted ones included")
            @QueryParam("updated_since") String updatedSince,
            @Parameter(description = "'latest' for latest versions only, or an exact version") @QueryParam("version") String version,
            @Parameter(description = "Include deleted versions (default false)") @QueryParam("include_deleted") String includeDeleted) {
        return reads.listJson(ListParams.parse(cursor, limit, search, updatedSince, version, includeDeleted))
                .map(ServerApi::json);
    }

    @GET
    @Path("/servers/{serverName}/versions")
    @PermitAll
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "List all versions of an MCP server", description = "Newest published first.")
    @APIResponse(responseCode = "200", description = "The server's versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServerListResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "Server not found (or not listed for this caller)")
    public Uni<Response> versions(
            @Parameter(description = "URL-encoded server name, e.g. com.example%2Fweather") @PathParam("serverName") String serverName,
            @QueryParam("include_deleted") String includeDeleted) {
        return reads.versionsJson(serverName, ListParams.includeDeleted(includeDeleted)).map(ServerApi::json);
    }

    @GET
    @Path("/servers/{serverName}/versions/{version}")
    @PermitAll
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "Get one version of an MCP server", description = "The version 'latest' is the latest version.")
    @APIResponse(responseCode = "200", description = "The server version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ServerResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "404", description = "Server version not found (or not listed for this caller)")
    public Uni<Response> version(@PathParam("serverName") String serverName,
            @Parameter(description = "URL-encoded version, or latest") @PathParam("version") String version,
            @QueryParam("include_deleted") String includeDeleted) {
        return reads.versionJson(serverName, version, ListParams.includeDeleted(includeDeleted)).map(ServerApi::json);
    }

    private static Response json(byte[] body) {
        return Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
