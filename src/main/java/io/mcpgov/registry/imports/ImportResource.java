package io.mcpgov.registry.imports;

import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(RegistryMeta.EXTENSION_PATH + "/imports")
@Tag(name = "imports", description = "Seed or sync the registry from another registry")
@SecurityRequirement(name = "bearerAuth")
public class ImportResource {

    private final ImportService service;

    ImportResource(ImportService service) {
        this.service = service;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import from a registry that speaks the official API, or from inline list items",
            description = "Body: {source: base URL, updatedSince?: RFC 3339 for an increment, limit?: page size} or"
                    + " {items: [...]}, and owningTeam (the team given namespaces no mapping covers yet). Every entry"
                    + " goes through the checks of publish; entries already present are skipped or take the source's"
                    + " status; every stored entry is audited. Answers when done, with nextUpdatedSince for the next increment.")
    @APIResponse(responseCode = "200", description = "Counts, refusals with their rule ids, namespaces mapped")
    @APIResponse(responseCode = "400", description = "Malformed body")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    @APIResponse(responseCode = "422", description = "Invalid request (source and items, owningTeam, updatedSince, limit),"
            + " or a source address the registry does not fetch from (import-source-refused)")
    @APIResponse(responseCode = "502", description = "The source could not be read")
    public ImportResult run(ImportRequest request) {
        return service.run(request);
    }
}
