/**
 * The registry's one way to send an HTTP request to a URL someone else chose (a remote to verify and the URLs its
 * answers name, a webhook receiver, a source registry to import from), under the SSRF defences: {@link
 * io.mcpgov.registry.outbound.SafeFetcher} accepts https only (plain http, and loopback addresses, only behind the
 * development switch), refuses URLs with user information and numeric hosts in any but the canonical form, checks
 * every address the host resolves to ({@link io.mcpgov.registry.outbound.AddressClassifier}) and connects to that very
 * address, checks every redirect hop the same way, and bounds the time and the bytes of every request ({@link
 * io.mcpgov.registry.outbound.FetchSettings}). A refused URL is never contacted: its result is {@link
 * io.mcpgov.registry.outbound.FetchFailure#REFUSED} with a rule id. Server-supplied text it reports is made safe to
 * store and show by {@link io.mcpgov.registry.outbound.Observed}.
 * <p>
 * The client needs neither CDI nor the database: each user builds its fetcher with the application's Vert.x instance
 * and {@link io.mcpgov.registry.outbound.FetchSettings#of}, which applies what every request shares ({@link
 * io.mcpgov.registry.outbound.OutboundConfig}, {@code registry.outbound.*}); the user adds its own total timeout, body
 * size and redirect limit.
 */
package io.mcpgov.registry.outbound;
