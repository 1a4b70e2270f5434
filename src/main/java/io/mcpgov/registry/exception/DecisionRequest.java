package io.mcpgov.registry.exception;

/** Body of approve, reject and revoke: the reason is mandatory. */
public record DecisionRequest(String reason) {
}
