package io.mcpgov.registry.verification;

/**
 * One request the verifier made, for the record: {@code purpose} is {@code mcp}, {@code mcp-invalid-token},
 * {@code prm} or {@code as-metadata}; {@code outcome} is the status code or the failure.
 */
public record Probe(String purpose, String method, String url, String outcome, long millis) {
}
