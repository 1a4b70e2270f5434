package io.mcpgov.registry.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connection goes to the pinned address while TLS still checks the certificate against the URL's host name and
 * sends that name as SNI. The certificate is valid for mcp.verify.test only.
 */
class SafeFetcherTlsTest {

    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static WireMockServer server;
    private static Vertx vertx;
    private static SafeFetcher fetcher;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort()
                .keystorePath(TlsFixtures.keystorePath()).keystoreType("PKCS12")
                .keystorePassword(TlsFixtures.PASSWORD).keyManagerPassword(TlsFixtures.PASSWORD));
        server.start();
        server.stubFor(get("/mcp").willReturn(aResponse().withStatus(200).withBody("tls")));
        vertx = Vertx.vertx();
        FixedResolver resolver = new FixedResolver()
                .map(TlsFixtures.HOST, "127.0.0.1")
                .map("other.verify.test", "127.0.0.1");
        fetcher = new SafeFetcher(vertx, FetchSettings.defaults().withAllowHttpLoopback(true), resolver,
                TlsFixtures.trust());
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        server.stop();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void theCertificateIsCheckedAgainstTheHostNameWhileConnectingToThePinnedAddress() {
        FetchResult result = fetcher.fetchAndWait(
                FetchRequest.get("https://" + TlsFixtures.HOST + ":" + server.httpsPort() + "/mcp", "*/*"), BUDGET);
        assertEquals(200, result.status(), result.outcome());
        assertEquals("tls", result.body());
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        FetchResult result = fetcher.fetchAndWait(
                FetchRequest.get("https://other.verify.test:" + server.httpsPort() + "/mcp", "*/*"), BUDGET);
        assertEquals(FetchFailure.TLS_FAILED, result.failure(), result.outcome());
    }

    @Test
    void anIpLiteralDoesNotMatchANameCertificate() {
        FetchResult result = fetcher.fetchAndWait(
                FetchRequest.get("https://127.0.0.1:" + server.httpsPort() + "/mcp", "*/*"), BUDGET);
        assertEquals(FetchFailure.TLS_FAILED, result.failure(), result.outcome());
    }

    @Test
    void sendsTheHostNameAsSniAndInTheHostHeader() throws Exception {
        try (SniRecordingServer recorder = new SniRecordingServer()) {
            FetchResult result = fetcher.fetchAndWait(
                    FetchRequest.get("https://" + TlsFixtures.HOST + ":" + recorder.port() + "/", "*/*"), BUDGET);
            assertEquals(204, result.status(), result.outcome());
            assertEquals(List.of(TlsFixtures.HOST), recorder.serverNames);
            assertEquals(List.of(TlsFixtures.HOST + ":" + recorder.port()), recorder.hostHeaders);
        }
    }
}
