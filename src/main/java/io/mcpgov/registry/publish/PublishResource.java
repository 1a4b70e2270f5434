package io.mcpgov.registry.publish;

import jakarta.ws.rs.Path;

@Path("/v0.1")
public class PublishResource extends PublishApi {
}
