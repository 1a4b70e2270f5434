/**
 * Verification of remote MCP servers' OAuth set-up from outside, per the shared verification spec: {@link
 * io.mcpgov.registry.verification.RemoteVerifier} probes a remote through the outbound client ({@link
 * io.mcpgov.registry.outbound.SafeFetcher}) and returns a Jackson-serialisable {@link
 * io.mcpgov.registry.verification.RemoteVerification}; the probes and checks know neither CDI nor the database. The
 * rest of the package decides when to verify (after publish, on the schedule, on request), stores the outcome, shows
 * it in the governance view and, under {@code registry.verification.listing}, lets a refuted OAuth claim hide an entry.
 */
package io.mcpgov.registry.verification;
