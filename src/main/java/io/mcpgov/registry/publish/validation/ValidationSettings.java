package io.mcpgov.registry.publish.validation;

// TEMPORARY STUB (replaced by the validation branch)
public record ValidationSettings(boolean allowHttpLoopback) {
}
