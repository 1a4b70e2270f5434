package io.mcpgov.registry.verification;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fetches URLs chosen by the servers being verified, with the SSRF defences of the verification spec: https only
 * (plain http to loopback only behind the development switch), every resolved address checked and the connection made
 * to that very address (the host name stays in the Host header, TLS SNI and certificate check), every redirect hop
 * checked the same way, a size cap, a connect timeout and a total timeout covering DNS, redirects and the body. No
 * credentials and no cookies are sent, and responses are not decompressed.
 *
 * <p>Threads: the HTTP exchange runs on Vert.x event loops and never blocks them; host names are resolved on a small
 * bounded pool owned by this fetcher (the system resolver blocks). {@link #fetch} never blocks; {@link #fetchAndWait}
 * blocks the calling thread for at most the total timeout and must not be called on an event loop. Every failure is a
 * {@link FetchResult}, never an exception.
 */
public final class SafeFetcher implements AutoCloseable {

    static final String USER_AGENT = "mcpgov-registry-verifier/1";
    private static final int RESOLVER_THREADS = 4;
    private static final int RESOLVER_QUEUE = 64;

    private final Vertx vertx;
    private final FetchSettings settings;
    private final UrlGuard guard;
    private final HttpClient client;
    private final ThreadPoolExecutor resolverPool;

    /** Production: the system resolver and the JVM's trusted certificate authorities. */
    public SafeFetcher(Vertx vertx, FetchSettings settings) {
        this(vertx, settings, HostResolver.system(), null);
    }

    /**
     * @param trust certificate authorities to trust instead of the JVM's (tests); null for the JVM default
     */
    public SafeFetcher(Vertx vertx, FetchSettings settings, HostResolver resolver, TrustOptions trust) {
        this.vertx = vertx;
        this.settings = settings;
        this.guard = new UrlGuard(resolver, settings.allowHttpLoopback());
        HttpClientOptions options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setUseAlpn(false)
                .setKeepAlive(false)
                .setPipelining(false)
                .setDecompressionSupported(false)
                .setVerifyHost(true)
                .setTrustAll(false)
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setMaxHeaderSize(16 * 1024)
                .setShared(false)
                .setName("mcp-verification");
        if (trust != null) {
            options.setTrustOptions(trust);
        }
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(32).setMaxWaitQueueSize(256));
        this.resolverPool = resolverPool();
    }

    public FetchSettings settings() {
        return settings;
    }

    public CompletionStage<FetchResult> fetch(FetchRequest request) {
        return fetch(request, settings.totalTimeout());
    }

    /** As {@link #fetch(FetchRequest)}, with a total timeout no longer than both {@code budget} and the setting. */
    public CompletionStage<FetchResult> fetch(FetchRequest request, Duration budget) {
        Exchange exchange = new Exchange(clamp(budget));
        exchange.start(request);
        return exchange.result.minimalCompletionStage();
    }

    /** Blocking form of {@link #fetch(FetchRequest, Duration)}, for worker threads. */
    public FetchResult fetchAndWait(FetchRequest request, Duration budget) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("fetchAndWait blocks: call it from a worker thread, not an event loop");
        }
        Duration total = clamp(budget);
        CompletableFuture<FetchResult> future = fetch(request, total).toCompletableFuture();
        try {
            // The exchange completes itself at the total timeout; the margin only guards against a lost callback.
            return future.get(total.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return FetchResult.failed(request.url(), FetchFailure.TIMEOUT, "no answer within " + total.toMillis() + " ms",
                    List.of(), total);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FetchResult.failed(request.url(), FetchFailure.IO_ERROR, "interrupted", List.of(), Duration.ZERO);
        } catch (ExecutionException e) {
            return FetchResult.failed(request.url(), FetchFailure.IO_ERROR, String.valueOf(e.getCause()), List.of(),
                    Duration.ZERO);
        }
    }

    /** Why the guard refuses a URL: a stable rule id (e.g. {@code link-local}, {@code not-https}) and a sentence. */
    public record Refusal(String ruleId, String message) {

        /** True when the URL's form or scheme is refused; false when an address it names or resolves to is. */
        public boolean ofForm() {
            return ruleId.equals(UrlRefusedException.URL_INVALID) || ruleId.equals(UrlRefusedException.NOT_HTTPS);
        }
    }

    /**
     * What the guard says about a URL now, before anything is sent and without sending anything: the refusal, or
     * empty when the URL may be contacted or its host does not resolve at the moment (every fetch is checked again
     * anyway). Resolving the host blocks the calling thread, for at most the connect timeout; not on an event loop.
     */
    public Optional<Refusal> refusal(String url) {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("refusal resolves host names: call it from a worker thread");
        }
        ProbeTarget target;
        try {
            target = ProbeTarget.parse(url);
            guard.checkScheme(target);
        } catch (UrlRefusedException e) {
            return Optional.of(new Refusal(e.ruleId(), e.getMessage()));
        }
        try {
            CompletableFuture.supplyAsync(() -> {
                try {
                    return guard.admit(target);
                } catch (UrlRefusedException | UnknownHostException e) {
                    throw new CompletionException(e);
                }
            }, resolverPool).get(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return e.getCause() instanceof UrlRefusedException refused
                    ? Optional.of(new Refusal(refused.ruleId(), refused.getMessage()))
                    : Optional.empty();
        } catch (TimeoutException | RejectedExecutionException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        client.close();
        resolverPool.shutdownNow();
    }

    private Duration clamp(Duration budget) {
        Duration total = budget.compareTo(settings.totalTimeout()) < 0 ? budget : settings.totalTimeout();
        return total.isNegative() || total.isZero() ? Duration.ofMillis(1) : total;
    }

    private static ThreadPoolExecutor resolverPool() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(RESOLVER_THREADS, RESOLVER_THREADS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(RESOLVER_QUEUE), runnable -> {
                    Thread thread = new Thread(runnable, "mcp-verification-dns-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** One fetch, redirects included. Completes exactly once: by the response, a failure or the total timer. */
    private final class Exchange {
        final CompletableFuture<FetchResult> result = new CompletableFuture<>();
        private final long startNanos = System.nanoTime();
        private final Duration total;
        private final List<String> redirects = new ArrayList<>();
        private volatile HttpClientRequest current;
        private volatile String currentUrl;
        private volatile long timerId = -1;

        Exchange(Duration total) {
            this.total = total;
        }

        void start(FetchRequest request) {
            timerId = vertx.setTimer(Math.max(1, total.toMillis()), id -> {
                fail(FetchFailure.TIMEOUT, "no complete answer within " + total.toMillis() + " ms");
                drop();
            });
            hop(request, 0);
        }

        private void hop(FetchRequest request, int hopNumber) {
            currentUrl = request.url();
            ProbeTarget target;
            try {
                target = ProbeTarget.parse(request.url());
                guard.checkScheme(target);
            } catch (UrlRefusedException e) {
                fail(FetchFailure.REFUSED, e.getMessage());
                return;
            }
            CompletableFuture<List<InetAddress>> admitted;
            try {
                admitted = CompletableFuture.supplyAsync(() -> admit(target), resolverPool);
            } catch (RejectedExecutionException e) {
                fail(FetchFailure.DNS_FAILED, "resolver busy");
                return;
            }
            admitted.whenComplete((addresses, error) -> {
                if (result.isDone()) {
                    return;
                }
                if (error == null) {
                    connect(request, target, addresses, 0, hopNumber);
                    return;
                }
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                if (cause instanceof UrlRefusedException) {
                    fail(FetchFailure.REFUSED, cause.getMessage());
                } else {
                    fail(FetchFailure.DNS_FAILED, "cannot resolve " + target.host());
                }
            });
        }

        private List<InetAddress> admit(ProbeTarget target) {
            try {
                return guard.admit(target);
            } catch (UrlRefusedException | UnknownHostException e) {
                throw new CompletionException(e);
            }
        }

        private void connect(FetchRequest request, ProbeTarget target, List<InetAddress> addresses, int index,
                             int hopNumber) {
            long remaining = remainingMillis();
            if (remaining <= 0) {
                return;
            }
            RequestOptions options = new RequestOptions()
                    .setMethod(HttpMethod.valueOf(request.method()))
                    .setHost(target.host())
                    .setPort(target.port())
                    .setSsl(target.https())
                    .setURI(target.pathAndQuery())
                    .setServer(pinned(addresses.get(index), target.port()))
                    .setConnectTimeout(Math.min(settings.connectTimeout().toMillis(), remaining))
                    .setFollowRedirects(false);
            options.putHeader("User-Agent", USER_AGENT);
            if (target.host().contains(":")) {
                // Vert.x writes an IPv6 literal authority without brackets; RFC 9110 wants them.
                options.putHeader("Host", "[" + target.host() + "]:" + target.port());
            }
            request.headers().forEach(options::putHeader);
            client.request(options).onComplete(connected -> {
                if (connected.failed()) {
                    Failure failure = Failure.of(connected.cause());
                    if (failure.kind() == FetchFailure.CONNECT_FAILED && index + 1 < addresses.size()) {
                        connect(request, target, addresses, index + 1, hopNumber);
                    } else {
                        fail(failure.kind(), failure.message());
                    }
                    return;
                }
                HttpClientRequest httpRequest = connected.result();
                current = httpRequest;
                if (result.isDone()) {
                    httpRequest.reset();
                    return;
                }
                (request.body() == null ? httpRequest.send() : httpRequest.send(request.body())).onComplete(answer -> {
                    if (answer.failed()) {
                        Failure failure = Failure.of(answer.cause());
                        fail(failure.kind(), failure.message());
                    } else {
                        onResponse(request, target, answer.result(), hopNumber);
                    }
                });
            });
        }

        private void onResponse(FetchRequest request, ProbeTarget target, HttpClientResponse response, int hopNumber) {
            if (result.isDone()) {
                drop();
                return;
            }
            // Dropping the connection early makes the response fail; that is expected, not an error to log.
            response.exceptionHandler(ignored -> { });
            int status = response.statusCode();
            String location = response.getHeader("Location");
            if (isRedirect(status) && location != null && settings.maxRedirects() > 0) {
                drop();
                followRedirect(request, target, status, location, hopNumber);
                return;
            }
            var headers = ResponseHeaders.lowerCased(response.headers());
            if (!request.readBody()) {
                complete(status, headers, "", false);
                drop();
                return;
            }
            if (ResponseHeaders.contentLength(headers) > settings.maxBodyBytes()) {
                complete(status, headers, "", true);
                drop();
                return;
            }
            Buffer body = Buffer.buffer();
            response.handler(chunk -> {
                if (result.isDone()) {
                    return;
                }
                int room = settings.maxBodyBytes() - body.length();
                if (chunk.length() > room) {
                    body.appendBuffer(chunk, 0, room);
                    complete(status, headers, body.toString(StandardCharsets.UTF_8), true);
                    drop();
                } else {
                    body.appendBuffer(chunk);
                }
            });
            response.exceptionHandler(error -> {
                Failure failure = Failure.of(error);
                fail(failure.kind(), failure.message());
            });
            response.endHandler(done -> complete(status, headers, body.toString(StandardCharsets.UTF_8), false));
        }

        private void followRedirect(FetchRequest request, ProbeTarget target, int status, String location,
                                    int hopNumber) {
            if (hopNumber >= settings.maxRedirects()) {
                fail(FetchFailure.TOO_MANY_REDIRECTS, "more than " + settings.maxRedirects() + " redirects");
                return;
            }
            String next;
            boolean crossOrigin;
            try {
                URI resolved = target.uri().resolve(location.trim());
                next = resolved.toString();
                crossOrigin = !sameOrigin(target, resolved);
            } catch (IllegalArgumentException e) {
                fail(FetchFailure.REFUSED, "invalid redirect location");
                return;
            }
            redirects.add(Observed.url(next));
            hop(request.redirectedTo(next, status, crossOrigin), hopNumber + 1);
        }

        private void complete(int status, Map<String, List<String>> headers, String body, boolean truncated) {
            finish(new FetchResult(currentUrl, null, null, status, headers, body, truncated, List.copyOf(redirects),
                    elapsed()));
        }

        private void fail(FetchFailure kind, String message) {
            finish(FetchResult.failed(currentUrl, kind, message, redirects, elapsed()));
        }

        private void finish(FetchResult outcome) {
            if (result.complete(outcome) && timerId >= 0) {
                vertx.cancelTimer(timerId);
            }
        }

        /** Closes the connection of the current hop, if any; with keep-alive off nothing is reused anyway. */
        private void drop() {
            HttpClientRequest request = current;
            if (request != null) {
                request.reset();
            }
        }

        private long remainingMillis() {
            return total.toMillis() - elapsed().toMillis();
        }

        private Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startNanos);
        }
    }

    /**
     * The checked address with no host name attached, so that nothing downstream can look the name up again: the
     * connection goes to exactly the address the guard accepted (no DNS rebinding between check and use).
     */
    private static SocketAddress pinned(InetAddress checked, int port) {
        try {
            InetAddress bare = InetAddress.getByAddress(checked.getAddress());
            return SocketAddress.inetSocketAddress(new InetSocketAddress(bare, port));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of valid length was rejected", e);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static boolean sameOrigin(ProbeTarget from, URI to) {
        try {
            return from.origin().equals(ProbeTarget.parse(to.toString()).origin());
        } catch (UrlRefusedException e) {
            return false;
        }
    }

    private record Failure(FetchFailure kind, String message) {
        static Failure of(Throwable error) {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof javax.net.ssl.SSLException) {
                    return new Failure(FetchFailure.TLS_FAILED, "TLS failed: " + t.getMessage());
                }
                if (t instanceof io.netty.channel.ConnectTimeoutException) {
                    return new Failure(FetchFailure.TIMEOUT, "connect timed out");
                }
                if (t instanceof java.net.ConnectException) {
                    return new Failure(FetchFailure.CONNECT_FAILED, "connection failed: " + t.getMessage());
                }
                if (t instanceof TimeoutException) {
                    return new Failure(FetchFailure.TIMEOUT, "timed out");
                }
            }
            return new Failure(FetchFailure.IO_ERROR, String.valueOf(error.getMessage()));
        }
    }
}
