package io.mcpgov.registry.publish;

import io.mcpgov.registry.security.ReadAccess;
import io.mcpgov.registry.security.Roles;
import io.mcpgov.registry.server.ServerResponse;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Publish and validate server.json documents; served under /v0.1 and /v0 by the two subclasses. */
@Tag(name = "publish", description = "Publish server.json documents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public abstract class PublishApi {

    @Inject
    PublishService service;

    @Inject
    ReadAccess readAccess;

    @POST
    @Path("/publish")
    @RolesAllowed(Roles.PUBLISHER)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(summary = "Publish a server version", description = "Validates the server.json against"
            + " registry-schema/server.schema.json and the official publish rules, refuses credentials written into"
            + " the document, classifies its auth, and stores it for the namespace's owning team. An API-key-only"
            + " server is stored but not listed; the response says why and how to request an exception.")
    @RequestBody(description = "A server.json document")
    @APIResponse(responseCode = "200", description = "Published; _meta carries the listing decision and warnings")
    @APIResponse(responseCode = "400", description = "Malformed JSON, invalid UTF-8, NUL characters, nesting too deep")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The namespace is not owned by the caller's teams (names the namespaces they may use)")
    @APIResponse(responseCode = "409", description = "The version exists, or a remote URL belongs to another server")
    @APIResponse(responseCode = "413", description = "Document too large")
    @APIResponse(responseCode = "415", description = "Not sent as application/json")
    @APIResponse(responseCode = "422", description = "Refused: every violation with rule id and JSON pointer")
    public ServerResponse publish(byte[] body) {
        return service.publish(body);
    }

    @POST
    @Path("/validate")
    @PermitAll
    @SecurityRequirement(name = "bearerAuth")
    @Extension(name = "x-audit-event", value = "none") // stores nothing, so no audit event (AuditedOperations)
    @Operation(summary = "Validate a server.json without publishing", description = "The same checks as publish,"
            + " nothing stored. Needs the same access as reads.")
    @RequestBody(description = "A server.json document")
    @APIResponse(responseCode = "200", description = "{valid, issues[]}")
    @APIResponse(responseCode = "400", description = "Not JSON at all")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "413", description = "Document too large")
    @APIResponse(responseCode = "415", description = "Not sent as application/json")
    public ValidateResponse validate(byte[] body) {
        readAccess.require();
        return service.validate(body);
    }
}
