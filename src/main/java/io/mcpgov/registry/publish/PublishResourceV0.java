package io.mcpgov.registry.publish;

import jakarta.ws.rs.Path;

@Path("/v0")
public class PublishResourceV0 extends PublishApi {
}
