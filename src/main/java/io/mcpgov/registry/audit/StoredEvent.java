package io.mcpgov.registry.audit;

/** An audit event as stored: its content and its place in the chain. */
public record StoredEvent(AuditRecord record, String prevHash, String hash) {
}
