package io.mcpgov.registry.ownership;

/** Make {@code accountableOwner} (a token subject) accountable for the server; name yourself to take it over. */
public record TransferRequest(String accountableOwner, String reason) {
}
