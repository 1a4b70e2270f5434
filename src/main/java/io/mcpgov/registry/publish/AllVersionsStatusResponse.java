package io.mcpgov.registry.publish;

import io.mcpgov.registry.server.ServerResponse;
import java.util.List;

/** Response of the all-versions status operation, as in the official API. */
public record AllVersionsStatusResponse(int updatedCount, List<ServerResponse> servers) {
}
