package io.mcpgov.registry.server;

/** Body of the status operations, as in the official API. */
public record StatusUpdateRequest(String status, String statusMessage) {
}
