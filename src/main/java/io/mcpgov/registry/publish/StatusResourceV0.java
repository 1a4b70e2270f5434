package io.mcpgov.registry.publish;

import jakarta.ws.rs.Path;

/** The same operations under /v0, which mcp-publisher still calls. */
@Path("/v0")
public class StatusResourceV0 extends StatusApi {
}
