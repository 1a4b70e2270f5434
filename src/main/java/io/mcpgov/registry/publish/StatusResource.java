package io.mcpgov.registry.publish;

import jakarta.ws.rs.Path;

/** The status operations under the frozen v0.1 path. */
@Path("/v0.1")
public class StatusResource extends StatusApi {
}
