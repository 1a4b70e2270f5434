package io.mcpgov.registry.namespace;

import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RegistryMeta.EXTENSION_PATH + "/namespaces")
@Tag(name = "namespaces", description = "Which team owns which namespace")
@SecurityRequirement(name = "bearerAuth")
@Produces(MediaType.APPLICATION_JSON)
public class NamespaceResource {

    private final NamespaceService service;

    NamespaceResource(NamespaceService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.PUBLISHER, Roles.REVIEWER, Roles.AUDITOR})
    @Operation(summary = "List namespace mappings")
    @APIResponse(responseCode = "200", description = "All mappings")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "No registry role that may read mappings")
    public List<NamespaceView> list() {
        return service.list();
    }

    @PUT
    @Path("/{namespace}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Map a namespace to its owning team (create or replace)",
            description = "With includeSubnamespaces, com.acme also covers com.acme.eu and deeper; the most specific mapping wins.")
    @APIResponse(responseCode = "200", description = "The mapping as stored")
    @APIResponse(responseCode = "400", description = "Invalid namespace or body")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public NamespaceView put(@PathParam("namespace") String namespace,
            @Valid @NotNull(message = "a JSON body is required") NamespaceRequest request) {
        return service.put(namespace, request);
    }

    @DELETE
    @Path("/{namespace}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a namespace mapping", description = "Published entries keep the owning team they were published with.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "404", description = "No such mapping")
    public void delete(@PathParam("namespace") String namespace) {
        service.delete(namespace);
    }
}
