package io.mcpgov.registry.verification;

import io.mcpgov.registry.outbound.SafeFetcher;
import io.vertx.core.Context;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Verifies from outside what a remote MCP server shows of its OAuth set-up, with no user and no token, following the
 * MCP client discovery order: an unauthenticated MCP request (a JSON-RPC {@code initialize} POST for streamable-http,
 * a GET for sse); protected resource metadata from the challenge's {@code resource_metadata} URL or, when the
 * challenge has none, from the path-suffixed and then the root well-known URL; then, for each authorization server,
 * its metadata from the RFC 8414 and OpenID Connect URLs in the spec's order. A request with
 * {@code Authorization: Bearer invalid} checks E6.
 *
 * <h2>Verdict</h2>
 * <ul>
 * <li>{@code not-applicable}: the transport is stdio (or there is no URL); or the server answers 2xx without a token
 * and no OAuth is declared (a public server); or it answers anything else without a token, shows no sign of OAuth
 * (no 401/403, no Bearer challenge, no protected resource metadata at the well-known URLs) and no OAuth is declared.
 * An unknown transport is not-applicable too.</li>
 * <li>{@code failed}: any check at FAIL, listed in {@code failedChecks}. A plain-http endpoint fails E1 without being
 * contacted; OAuth declared but a 2xx without a token fails D1.</li>
 * <li>{@code unreachable}: the MCP endpoint could not be fetched (refused by the SSRF guard, DNS, connection, TLS,
 * timeout, too many redirects: {@code unreachable} says which), or a later required step failed transiently (DNS,
 * connection, timeout, I/O, or the verification's time budget ran out) before any FAIL was found. A refusal or TLS
 * failure on a metadata URL is not transient: it fails P3 or A2.</li>
 * <li>{@code verified}: OAuth was observed and no check is at FAIL (WARN and INFO allowed).</li>
 * </ul>
 * Where an older revision required more than the current one (E3: the header in 2025-06-18; A1: RFC 8414 only), a
 * server that satisfies the current revision gets WARN citing the older revision, not FAIL.
 *
 * <h2>Threads</h2>
 * {@link #verify} blocks its calling thread for at most the settings' budget (plus a second of slack), making its
 * requests one after another; it must not run on a Vert.x event loop and throws if it does. The HTTP I/O itself runs
 * on Vert.x event loops and host-name lookups on the fetcher's resolver pool. {@link #verifyAsync} runs
 * {@link #verify} on the executor given: give it a bounded executor, whose size is then the limit on concurrent
 * probes, so a slow server holds one of its threads for at most the budget and never an event loop or a request
 * thread.
 */
public final class RemoteVerifier {

    private final SafeFetcher fetcher;
    private final VerifierSettings settings;
    private final Clock clock;

    public RemoteVerifier(SafeFetcher fetcher, VerifierSettings settings, Clock clock) {
        this.fetcher = fetcher;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param remoteUrl the remote's URL as published
     * @param transport {@code streamable-http}, {@code sse} or {@code stdio} (null means streamable-http)
     * @param declared  the publisher's OAuth declaration, or null when none is declared
     */
    public RemoteVerification verify(String remoteUrl, String transport, DeclaredOAuth declared) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("verify blocks: call it from a worker thread or use verifyAsync");
        }
        return new VerificationRun(fetcher, settings, clock, remoteUrl, transport, declared).run();
    }

    /**
     * Runs {@link #verify} on {@code executor}. A saturated bounded executor rejects the task: the
     * {@link java.util.concurrent.RejectedExecutionException} is thrown here, so the caller can retry later.
     */
    public CompletionStage<RemoteVerification> verifyAsync(String remoteUrl, String transport, DeclaredOAuth declared,
                                                           Executor executor) {
        return CompletableFuture.supplyAsync(() -> verify(remoteUrl, transport, declared), executor);
    }
}
