package io.mcpgov.registry.ownership;

/** Offboard {@code subject} (the token {@code sub} the person acted with) for {@code reason}. */
public record OffboardingRequest(String subject, String reason) {
}
