package io.mcpgov.registry.verification;

import java.time.Duration;

/**
 * @param budget                  wall-clock limit of one whole verification (every fetch gets what is left, capped
 *                                by the fetch's own total timeout)
 * @param maxAuthorizationServers authorization servers probed per remote; further ones are reported, not fetched
 * @param protocolVersion         MCP protocol version sent in the initialize probe and its MCP-Protocol-Version header
 */
public record VerifierSettings(Duration budget, int maxAuthorizationServers, String protocolVersion) {

    public VerifierSettings {
        if (budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("budget must be positive");
        }
        if (maxAuthorizationServers < 1) {
            throw new IllegalArgumentException("maxAuthorizationServers must be at least 1");
        }
    }

    public static VerifierSettings defaults() {
        return new VerifierSettings(Duration.ofSeconds(20), 3, Revisions.R2025_06_18);
    }

    public VerifierSettings withBudget(Duration newBudget) {
        return new VerifierSettings(newBudget, maxAuthorizationServers, protocolVersion);
    }
}
