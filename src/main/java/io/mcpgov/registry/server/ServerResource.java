package io.mcpgov.registry.server;

import jakarta.ws.rs.Path;

/** The server operations under the frozen v0.1 path. */
@Path("/v0.1")
public class ServerResource extends ServerApi {
}
