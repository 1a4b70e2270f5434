package io.mcpgov.registry.server;

import jakarta.ws.rs.Path;

/** The same operations under /v0, which mcp-publisher still calls. */
@Path("/v0")
public class ServerResourceV0 extends ServerApi {
}
