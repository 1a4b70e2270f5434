package io.mcpgov.registry.decision;

/** A person (token subject) party to what a decision is about, and how. */
public record Party(String subject, Involvement involvement) {
}
