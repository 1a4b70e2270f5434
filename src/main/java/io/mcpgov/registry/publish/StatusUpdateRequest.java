package io.mcpgov.registry.publish;

/** Body of the status operations, as in the official API. */
public record StatusUpdateRequest(String status, String statusMessage) {
}
