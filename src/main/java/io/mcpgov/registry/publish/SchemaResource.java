package io.mcpgov.registry.publish;

import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.RegistryMeta;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Publishes the JSON Schemas the registry validates against, so publishers can check documents themselves. */
@Path(RegistryMeta.EXTENSION_PATH + "/schemas")
@Tag(name = "publish")
public class SchemaResource {

    private static final Map<String, byte[]> SCHEMAS = Map.of(
            "server.schema.json", load("server.schema.json"),
            "governance.schema.json", load("governance.schema.json"));

    @GET
    @Path("/{file}")
    @PermitAll
    @Produces("application/schema+json")
    @Operation(summary = "A JSON Schema the registry validates against", description = "server.schema.json (the"
            + " server.json format) or governance.schema.json (the registry's _meta declaration).")
    @APIResponse(responseCode = "200", description = "The schema")
    @APIResponse(responseCode = "404", description = "No such schema")
    public Response schema(@PathParam("file") String file) {
        byte[] schema = SCHEMAS.get(file);
        if (schema == null) {
            throw ProblemException.notFound("Schemas: " + String.join(", ", SCHEMAS.keySet().stream().sorted().toList()) + ".");
        }
        return Response.ok(schema).build();
    }

    private static byte[] load(String file) {
        try (InputStream in = SchemaResource.class.getResourceAsStream("/registry-schema/" + file)) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
