package io.mcpgov.registry.server;

import java.time.Instant;

/**
 * What the database said, after a read arrived: the change counter, the database's clock, and the earliest horizon
 * (null when none).
 */
public record Fence(long generation, Instant now, Instant horizon) {
}
