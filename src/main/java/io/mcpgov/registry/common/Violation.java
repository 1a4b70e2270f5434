package io.mcpgov.registry.common;

/**
 * One reason a request is refused or flagged: a stable kebab-case rule id, a JSON pointer (RFC 6901) to the field
 * the rule is about (empty string for the whole document), and a human-readable message that never repeats a secret.
 */
public record Violation(String ruleId, String path, String message) {
}
