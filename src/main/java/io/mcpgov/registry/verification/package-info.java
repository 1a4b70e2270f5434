/**
 * Verification of remote MCP servers' OAuth set-up from outside, per the shared verification spec: {@link
 * io.mcpgov.registry.verification.RemoteVerifier} probes a remote and returns a Jackson-serialisable {@link
 * io.mcpgov.registry.verification.RemoteVerification}; {@link io.mcpgov.registry.verification.SafeFetcher} makes every
 * request under the SSRF defences. Nothing here depends on CDI or the database: the application wires a fetcher with
 * its Vert.x instance and settings, and decides when to verify and what to store.
 */
package io.mcpgov.registry.verification;
