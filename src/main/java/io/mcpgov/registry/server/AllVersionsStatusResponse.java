package io.mcpgov.registry.server;

import java.util.List;

/** Response of the all-versions status operation, as in the official API. */
public record AllVersionsStatusResponse(int updatedCount, List<ServerResponse> servers) {
}
