package io.mcpgov.registry.outbox;

/** Fired when a transaction appended events; observed after commit to start delivery at once. */
public record EventsWritten() {
}
