package io.mcpgov.registry.verification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.mcpgov.registry.support.Required;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeFetcherTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static WireMockServer server;
    private static Vertx vertx;

    private final FixedResolver resolver = new FixedResolver()
            .map("mcp.verify.test", "127.0.0.1")
            .map("metadata.verify.test", "169.254.169.254")
            .map("private.verify.test", "10.0.0.7")
            .map("public.verify.test", "93.184.215.14")
            .map("v6.verify.test", "::1")
            .map("mapped.verify.test", "::ffff:127.0.0.1");
    private SafeFetcher development;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void setUp() {
        server.resetAll();
        development = fetcher(FetchSettings.defaults().withAllowHttpLoopback(true));
    }

    @AfterEach
    void tearDown() {
        development.close();
    }

    private SafeFetcher fetcher(FetchSettings settings) {
        return new SafeFetcher(vertx, settings, resolver, null);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Test
    void readsStatusHeadersAndBody() {
        server.stubFor(get("/doc").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-Two", "a", "b").withBody("{\"a\":1}")));

        FetchResult result = development.fetchAndWait(FetchRequest.get(url("/doc"), "application/json"), BUDGET);

        assertTrue(result.isSuccess(), result.outcome());
        assertEquals("{\"a\":1}", result.body());
        assertEquals("application/json", result.header("Content-Type").orElseThrow());
        assertEquals(List.of("a", "b"), result.headers("x-two"));
        assertFalse(result.truncated());
    }

    @Test
    void sendsNoCredentialsNoCookiesAndNoCompressionRequest() {
        server.stubFor(post("/mcp").willReturn(aResponse().withStatus(401)));

        development.fetchAndWait(FetchRequest.post(url("/mcp"), Map.of("Content-Type", "application/json"), "{}"),
                BUDGET);

        server.verify(postRequestedFor(urlEqualTo("/mcp"))
                .withHeader("Authorization", absent())
                .withHeader("Cookie", absent())
                .withHeader("Accept-Encoding", absent())
                .withHeader("User-Agent", equalTo(SafeFetcher.USER_AGENT))
                .withRequestBody(equalTo("{}")));
    }

    @Test
    void connectsToTheCheckedAddressAndKeepsTheHostName() {
        server.stubFor(get("/pinned").willReturn(aResponse().withStatus(204)));

        // mcp.verify.test exists only in the injected table: reaching the server proves the connection used the
        // address that was checked, not a second lookup.
        FetchResult result = development.fetchAndWait(
                FetchRequest.get("http://mcp.verify.test:" + server.port() + "/pinned", "*/*"), BUDGET);

        assertEquals(204, result.status(), result.outcome());
        assertEquals(1, resolver.lookups.get());
        server.verify(getRequestedFor(urlEqualTo("/pinned"))
                .withHeader("Host", equalTo("mcp.verify.test:" + server.port())));
    }

    @Test
    void anIpv6LiteralGetsABracketedHostHeader() {
        WireMockServer v6;
        try {
            v6 = new WireMockServer(options().bindAddress("::1").dynamicPort());
            v6.start();
        } catch (RuntimeException e) {
            Required.unavailable("no IPv6 loopback here: " + e.getMessage());
            return;
        }
        try {
            v6.stubFor(get("/v6").willReturn(aResponse().withStatus(204)));
            FetchResult result = development.fetchAndWait(
                    FetchRequest.get("http://[::1]:" + v6.port() + "/v6", "*/*"), BUDGET);
            assertEquals(204, result.status(), result.outcome());
            v6.verify(getRequestedFor(urlEqualTo("/v6")).withHeader("Host", equalTo("[::1]:" + v6.port())));
        } finally {
            v6.stop();
        }
    }

    @Test
    void followsRedirectsAndChecksEveryHop() {
        server.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));
        server.stubFor(get("/b").willReturn(aResponse().withStatus(200).withBody("b")));

        FetchResult result = development.fetchAndWait(FetchRequest.get(url("/a"), "*/*"), BUDGET);

        assertEquals(200, result.status());
        assertEquals("b", result.body());
        assertEquals(List.of(url("/b")), result.redirects());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://10.0.0.5/internal", "https://169.254.169.254/latest/meta-data/",
            "https://metadata.verify.test/", "https://private.verify.test/", "http://public.verify.test/",
            "https://[::ffff:10.0.0.1]/", "https://0x7f000001/", "file:///etc/passwd",
    })
    void refusesARedirectToAForbiddenTarget(String location) {
        server.stubFor(get("/jump").willReturn(aResponse().withStatus(307).withHeader("Location", location)));

        FetchResult result = development.fetchAndWait(FetchRequest.get(url("/jump"), "*/*"), BUDGET);

        assertEquals(FetchFailure.REFUSED, result.failure(), result.outcome());
    }

    @Test
    void stopsAfterThreeRedirects() {
        server.stubFor(get("/loop").willReturn(aResponse().withStatus(302).withHeader("Location", "/loop")));

        FetchResult result = development.fetchAndWait(FetchRequest.get(url("/loop"), "*/*"), BUDGET);

        assertEquals(FetchFailure.TOO_MANY_REDIRECTS, result.failure());
        assertEquals(3, result.redirects().size());
        server.verify(4, getRequestedFor(urlEqualTo("/loop")));
    }

    @Test
    void withRedirectsOffTheRedirectIsTheAnswer() {
        server.stubFor(get("/a").willReturn(aResponse().withStatus(302).withHeader("Location", "/b")));
        try (SafeFetcher noRedirects = fetcher(FetchSettings.defaults().withAllowHttpLoopback(true).withMaxRedirects(0))) {
            FetchResult result = noRedirects.fetchAndWait(FetchRequest.get(url("/a"), "*/*"), BUDGET);
            assertEquals(302, result.status());
            server.verify(0, getRequestedFor(urlEqualTo("/b")));
        }
    }

    @Test
    void postBecomesGetAfter303AndCrossOriginHopsLoseTheAuthorizationHeader() {
        String otherOrigin = "http://mcp.verify.test:" + server.port() + "/after";
        server.stubFor(post("/form").willReturn(aResponse().withStatus(303).withHeader("Location", otherOrigin)));
        server.stubFor(get("/after").willReturn(aResponse().withStatus(200)));

        FetchRequest request = FetchRequest.post(url("/form"), Map.of("Content-Type", "application/json"), "{}")
                .withHeader("Authorization", "Bearer invalid");
        FetchResult result = development.fetchAndWait(request, BUDGET);

        assertEquals(200, result.status(), result.outcome());
        server.verify(getRequestedFor(urlEqualTo("/after")).withHeader("Authorization", absent()));
    }

    @Test
    void capsTheBodyWhenContentLengthIsTooLarge() {
        server.stubFor(get("/big").willReturn(aResponse().withStatus(200).withBody("x".repeat(300 * 1024))));

        FetchResult result = development.fetchAndWait(FetchRequest.get(url("/big"), "*/*"), BUDGET);

        assertEquals(200, result.status());
        assertTrue(result.truncated());
        assertTrue(result.body().length() <= FetchSettings.DEFAULT_MAX_BODY_BYTES);
    }

    @Test
    void capsAStreamedBodyWithoutContentLength() {
        server.stubFor(get("/stream").willReturn(aResponse().withStatus(200).withBody("y".repeat(4096))
                .withChunkedDribbleDelay(8, 200)));
        try (SafeFetcher small = fetcher(FetchSettings.defaults().withAllowHttpLoopback(true).withMaxBodyBytes(1000))) {
            FetchResult result = small.fetchAndWait(FetchRequest.get(url("/stream"), "*/*"), BUDGET);
            assertTrue(result.truncated(), result.outcome());
            assertEquals(1000, result.body().length());
        }
    }

    @Test
    void aSlowServerCannotExceedTheTotalTimeout() {
        server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        try (SafeFetcher quick = fetcher(FetchSettings.defaults().withAllowHttpLoopback(true)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(600)))) {
            long start = System.nanoTime();
            FetchResult result = quick.fetchAndWait(FetchRequest.get(url("/slow"), "*/*"), BUDGET);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertEquals(FetchFailure.TIMEOUT, result.failure());
            assertTrue(millis < 1_500, "took " + millis + " ms");
        }
    }

    @Test
    void aBodyThatTricklesCannotExceedTheTotalTimeout() {
        server.stubFor(get("/trickle").willReturn(aResponse().withStatus(200).withBody("z".repeat(100))
                .withChunkedDribbleDelay(20, 5_000)));
        try (SafeFetcher quick = fetcher(FetchSettings.defaults().withAllowHttpLoopback(true)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(700)))) {
            long start = System.nanoTime();
            FetchResult result = quick.fetchAndWait(FetchRequest.get(url("/trickle"), "*/*"), BUDGET);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            assertEquals(FetchFailure.TIMEOUT, result.failure());
            assertTrue(millis < 1_500, "took " + millis + " ms");
        }
    }

    @Test
    void headersOnlyRequestsDoNotWaitForAnEndlessBody() {
        server.stubFor(get("/sse").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/event-stream").withBody("data: x\n\n".repeat(100))
                .withChunkedDribbleDelay(100, 20_000)));

        long start = System.nanoTime();
        FetchResult result = development.fetchAndWait(FetchRequest.get(url("/sse"), "text/event-stream").headersOnly(),
                BUDGET);

        assertEquals(200, result.status(), result.outcome());
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertTrue(millis < 2_000, "took " + millis + " ms, fetch says " + result.elapsed());
    }

    @Test
    void theCallersBudgetShortensTheTimeout() {
        server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        long start = System.nanoTime();
        FetchResult result = development.fetchAndWait(FetchRequest.get(url("/slow"), "*/*"), Duration.ofMillis(300));
        assertEquals(FetchFailure.TIMEOUT, result.failure());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 1_500);
    }

    @Test
    void aClosedPortIsAConnectFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FetchResult result = development.fetchAndWait(
                FetchRequest.get("http://127.0.0.1:" + closedPort + "/", "*/*"), BUDGET);
        assertEquals(FetchFailure.CONNECT_FAILED, result.failure(), result.outcome());
    }

    @Test
    void anUnknownHostIsADnsFailure() {
        FetchResult result = development.fetchAndWait(FetchRequest.get("https://nowhere.verify.test/", "*/*"), BUDGET);
        assertEquals(FetchFailure.DNS_FAILED, result.failure());
    }

    @Test
    void withTheSwitchOffPlainHttpAndLoopbackAreRefusedBeforeAnythingIsSent() {
        server.stubFor(get("/doc").willReturn(aResponse().withStatus(200)));
        try (SafeFetcher production = fetcher(FetchSettings.defaults())) {
            for (String target : List.of(url("/doc"), "https://127.0.0.1:" + server.port() + "/doc",
                    "https://mcp.verify.test:" + server.port() + "/doc", "https://metadata.verify.test/",
                    "https://private.verify.test/", "https://v6.verify.test:" + server.port() + "/doc",
                    "https://mapped.verify.test:" + server.port() + "/doc",
                    "https://[::1]:" + server.port() + "/doc", "https://[::ffff:127.0.0.1]:" + server.port() + "/doc",
                    "https://2130706433:" + server.port() + "/doc", "https://0177.0.0.1/", "https://0x7f000001/")) {
                FetchResult result = production.fetchAndWait(FetchRequest.get(target, "*/*"), BUDGET);
                assertEquals(FetchFailure.REFUSED, result.failure(), target + " -> " + result.outcome());
            }
        }
        server.verify(0, getRequestedFor(urlEqualTo("/doc")));
    }

    @Test
    void refusesToBlockAnEventLoop() {
        FetchResult[] outcome = new FetchResult[1];
        Throwable[] thrown = new Throwable[1];
        vertx.runOnContext(ignored -> {
            try {
                outcome[0] = development.fetchAndWait(FetchRequest.get(url("/doc"), "*/*"), BUDGET);
            } catch (IllegalStateException e) {
                thrown[0] = e;
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (thrown[0] == null && outcome[0] == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(thrown[0] instanceof IllegalStateException);
    }
}
