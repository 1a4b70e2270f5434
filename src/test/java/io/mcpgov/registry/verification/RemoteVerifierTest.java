package io.mcpgov.registry.verification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.mcpgov.registry.outbound.FetchFailure;
import io.mcpgov.registry.outbound.FetchSettings;
import io.mcpgov.registry.outbound.FixedResolver;
import io.mcpgov.registry.outbound.SafeFetcher;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RemoteVerifierTest {

    private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");
    private static WireMockServer server;
    private static Vertx vertx;

    private final FixedResolver resolver = new FixedResolver()
            .map("mcp.verify.test", "127.0.0.1")
            .map("metadata.verify.test", "169.254.169.254");
    private McpServerFixture fixture;
    private SafeFetcher fetcher;
    private RemoteVerifier verifier;

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
        fixture = new McpServerFixture(server);
        fetcher = new SafeFetcher(vertx, FetchSettings.defaults().withAllowHttpLoopback(true), resolver, null);
        verifier = verifier(fetcher, VerifierSettings.defaults());
    }

    @AfterEach
    void tearDown() {
        fetcher.close();
    }

    private static RemoteVerifier verifier(SafeFetcher fetcher, VerifierSettings settings) {
        return new RemoteVerifier(fetcher, settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private RemoteVerification verifyFixture(DeclaredOAuth declared) {
        return verifier.verify(fixture.endpoint(), "streamable-http", declared);
    }

    private static List<String> levels(RemoteVerification verification, CheckLevel level) {
        return verification.checks().stream().filter(check -> check.level() == level).map(CheckResult::id).toList();
    }

    private static CheckResult check(RemoteVerification verification, String id) {
        return verification.checks().stream().filter(check -> check.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + verification.checks()));
    }

    @Test
    void aCorrectServerIsVerifiedWithEveryCheckPassing() {
        fixture.install();

        RemoteVerification verification = verifyFixture(fixture.declaration());

        assertEquals(Verdict.VERIFIED, verification.verdict(), verification.toString());
        assertEquals(List.of(), verification.failedChecks());
        assertEquals(List.of(), levels(verification, CheckLevel.FAIL));
        assertEquals(List.of(), levels(verification, CheckLevel.WARN));
        assertEquals(List.of(), levels(verification, CheckLevel.INFO));
        assertEquals(List.of("E1", "E2", "E3", "E4", "E6", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10", "P11",
                "P12", "P13", "D2", "D3", "D4", "A1", "A2", "A3", "A4", "A5", "A6", "A7", "A9", "D5"),
                verification.checks().stream().map(CheckResult::id).toList());
        assertEquals(NOW, verification.checkedAt());

        Summary summary = verification.summary();
        assertEquals(MetadataSource.HEADER, summary.metadataSource());
        assertEquals(AsMetadataSource.RFC8414, summary.asMetadataSource());
        assertEquals(RegistrationMode.CIMD, summary.registrationMode());
        assertTrue(summary.pkceS256());
        assertEquals(List.of("tools:read", "tools:write"), summary.scopes());
        assertEquals(List.of("tools:read"), summary.challengeScopes());
        assertEquals(List.of(fixture.issuer()), summary.authorizationServers());
        assertEquals(fixture.endpoint(), summary.resource());
        assertEquals("oauth2 (metadata via header; AS metadata via rfc8414; registration cimd; pkce S256;"
                + " scopes [tools:read tools:write])", summary.text());
        assertEquals(summary.text(), verification.detail());
        assertEquals(List.of("mcp", "prm", "mcp-invalid-token", "as-metadata"),
                verification.probes().stream().map(Probe::purpose).toList());
    }

    @Test
    void theProbeIsAnUnauthenticatedInitializeRequest() {
        fixture.install();
        verifyFixture(null);
        server.verify(postRequestedFor(urlEqualTo("/mcp"))
                .withHeader("Accept", equalTo("application/json, text/event-stream"))
                .withHeader("MCP-Protocol-Version", equalTo("2025-06-18"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(containing("\"method\":\"initialize\"")));
        server.verify(1, postRequestedFor(urlEqualTo("/mcp")).withHeader("Authorization", equalTo("Bearer invalid")));
    }

    static Stream<Arguments> brokenOneAtATime() {
        return Stream.of(
                broken("E2: 404 with a Bearer challenge", f -> f.unauthenticatedStatus = 404, "E2"),
                broken("E3: no resource_metadata and nothing at the well-known URLs", f -> {
                    f.challenge = "Bearer realm=\"mcp\", scope=\"tools:read\"";
                    f.prmPath = null;
                }, "E3"),
                broken("E3: no challenge at all and nothing at the well-known URLs", f -> {
                    f.challenge = null;
                    f.prmPath = null;
                }, "E3"),
                broken("E6: an invalid token is accepted", f -> f.invalidTokenStatus = 200, "E6"),
                broken("E6: an invalid token crashes the server", f -> f.invalidTokenStatus = 500, "E6"),
                broken("P3: metadata served as text/html", f -> f.prmContentType = "text/html", "P3"),
                broken("P3: the header's metadata URL answers 404", f -> f.prmPath = "/elsewhere", "P3"),
                broken("P4: no resource", f -> f.prm.remove("resource"), "P4"),
                broken("P5: resource with a fragment", f -> f.prm.put("resource", f.endpoint() + "#top"), "P5"),
                broken("P6: resource of another path", f -> f.prm.put("resource", f.base + "/other"), "P6"),
                broken("P6: resource of another origin", f -> f.prm.put("resource", "https://mcp.example.com/mcp"),
                        "P6"),
                broken("P7: no authorization_servers", f -> f.prm.remove("authorization_servers"), "P7"),
                broken("P8: a plain-http issuer", f -> f.prm.set("authorization_servers",
                        McpServerFixture.JSON.valueToTree(List.of("http://as.example.com"))), "P8"),
                broken("P8: an issuer with a query", f -> f.prm.set("authorization_servers",
                        McpServerFixture.JSON.valueToTree(List.of(f.issuer() + "?tenant=a"))), "P8"),
                broken("P13: a null parameter", f -> f.prm.putNull("resource_documentation"), "P13"),
                broken("P13: an empty array", f -> f.prm.set("bearer_methods_supported",
                        McpServerFixture.JSON.createArrayNode()), "P13"),
                broken("P14: a plain-http jwks_uri", f -> f.prm.put("jwks_uri", "http://keys.example.com/jwks"),
                        "P14"),
                broken("A2: no metadata at any discovery URL", f -> f.asPath = null, "A2"),
                broken("A3: issuer mismatch", f -> f.as.put("issuer", "https://evil.example.com"), "A3"),
                broken("A3: an issuer equal only after normalisation is not identical",
                        f -> f.as.put("issuer", f.issuer().replace("http://", "HTTP://")), "A3"),
                broken("A4: no token_endpoint", f -> f.as.remove("token_endpoint"), "A4"),
                broken("A4: response type code missing", f -> f.as.set("response_types_supported",
                        McpServerFixture.JSON.valueToTree(List.of("token"))), "A4"),
                broken("A5: a plain-http token endpoint", f -> f.as.put("token_endpoint",
                        "http://as.example.com/token"), "A5"),
                broken("A6: no code_challenge_methods_supported", f -> f.as.remove("code_challenge_methods_supported"),
                        "A6"),
                broken("A6: plain only", f -> f.as.set("code_challenge_methods_supported",
                        McpServerFixture.JSON.valueToTree(List.of("plain"))), "A6"));
    }

    private static Arguments broken(String name, Consumer<McpServerFixture> change, String failingCheck) {
        return Arguments.of(name, change, failingCheck);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenOneAtATime")
    void eachBrokenRuleFailsItsOwnCheck(String name, Consumer<McpServerFixture> change, String failingCheck) {
        change.accept(fixture);
        fixture.install();

        RemoteVerification verification = verifyFixture(null);

        assertEquals(Verdict.FAILED, verification.verdict(), verification.toString());
        assertEquals(List.of(failingCheck), verification.failedChecks(), verification.checks().toString());
        assertEquals("failed: " + failingCheck, verification.detail());
    }

    @Test
    void unparseableMetadataFailsP3AndA2() {
        fixture.install();
        server.stubFor(get(fixture.prmPath).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"resource\":\"a\",\"resource\":\"b\"}")));
        assertEquals(List.of("P3"), verifyFixture(null).failedChecks());

        server.resetAll();
        fixture.install();
        server.stubFor(get(fixture.asPath).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("[\"not\", \"an object\"]")));
        assertEquals(List.of("A2"), verifyFixture(null).failedChecks());
    }

    @Test
    void metadataOnlyAtTheRootWellKnownUrl() {
        fixture.challenge = "Bearer realm=\"mcp\", scope=\"tools:read\"";
        fixture.prmPath = "/.well-known/oauth-protected-resource";
        fixture.install();

        RemoteVerification verification = verifyFixture(null);

        assertEquals(Verdict.VERIFIED, verification.verdict(), verification.toString());
        assertEquals(MetadataSource.ROOT, verification.summary().metadataSource());
        CheckResult e3 = check(verification, "E3");
        assertEquals(CheckLevel.WARN, e3.level());
        assertEquals(Revisions.R2025_06_18, e3.specRevision());
        List<String> prmProbes = verification.probes().stream().filter(probe -> probe.purpose().equals("prm"))
                .map(probe -> probe.url() + " " + probe.outcome()).toList();
        assertEquals(List.of(fixture.base + "/.well-known/oauth-protected-resource/mcp 404",
                fixture.base + "/.well-known/oauth-protected-resource 200"), prmProbes);
        assertTrue(verification.summary().text().startsWith("oauth2 (metadata via root;"));
    }

    @Test
    void metadataAtThePathWellKnownUrlWithoutTheHeader() {
        fixture.challenge = "Bearer scope=\"tools:read\"";
        fixture.install();

        RemoteVerification verification = verifyFixture(null);

        assertEquals(Verdict.VERIFIED, verification.verdict(), verification.toString());
        assertEquals(MetadataSource.PATH, verification.summary().metadataSource());
    }

    @Test
    void theHeaderUrlIsTheOnlyCandidateWhenPresent() {
        fixture.prmPath = "/.well-known/oauth-protected-resource";
        fixture.challenge = "Bearer resource_metadata=\"" + fixture.base + "/missing\"";
        fixture.install();

        RemoteVerification verification = verifyFixture(null);

        assertEquals(List.of("P3"), verification.failedChecks());
        assertEquals(1, verification.probes().stream().filter(probe -> probe.purpose().equals("prm")).count());
    }

    @Test
    void authorizationServerMetadataOnlyViaOpenIdConnectPathInsertion() {
        fixture.asPath = "/.well-known/openid-configuration/as";
        fixture.install();

        RemoteVerification verification = verifyFixture(null);

        assertEquals(Verdict.VERIFIED, verification.verdict(), verification.toString());
        assertEquals(AsMetadataSource.OIDC, verification.summary().asMetadataSource());
        assertEquals(CheckLevel.WARN, check(verification, "A1").level());
        assertEquals(Revisions.R2025_06_18, check(verification, "A1").specRevision());
        assertTrue(verification.summary().text().contains("AS metadata via oidc"));
    }

    @Test
    void authorizationServerMetadataOnlyViaOpenIdConnectPathAppending() {
        fixture.asPath = "/as/.well-known/openid-configuration";
        fixture.install();

        RemoteVerification verification = verifyFixture(null);

        assertEquals(Verdict.VERIFIED, verification.verdict(), verification.toString());
        assertEquals(AsMetadataSource.OIDC, verification.summary().asMetadataSource());
        assertEquals(List.of("404", "404", "200"), verification.probes().stream()
                .filter(probe -> probe.purpose().equals("as-metadata")).map(Probe::outcome).toList());
    }

    @Test
    void anIssuerWithoutPathUsesTheRootUrls() {
        fixture.prm.set("authorization_servers", McpServerFixture.JSON.valueToTree(List.of(fixture.base)));
        fixture.as.put("issuer", fixture.base);
        fixture.asPath = "/.well-known/openid-configuration";
        fixture.install();

        RemoteVerification verification = verifyFixture(null);

        assertEquals(Verdict.VERIFIED, verification.verdict(), verification.toString());
        assertEquals(List.of(fixture.base + "/.well-known/oauth-authorization-server",
                fixture.base + "/.well-known/openid-configuration"), verification.probes().stream()
                .filter(probe -> probe.purpose().equals("as-metadata")).map(Probe::url).toList());
    }

    @Test
    void issuerMismatchMeansTheMetadataIsNotUsed() {
        fixture.as.put("issuer", fixture.issuer() + "/");
        fixture.install();

        RemoteVerification verification = verifyFixture(null);

        assertEquals(List.of("A3"), verification.failedChecks());
        assertNull(verification.summary().asMetadataSource());
        assertTrue(verification.checks().stream().noneMatch(check -> check.id().equals("A6")));
        assertTrue(verification.summary().text().contains("AS metadata unavailable"));
    }

    @Test
    void missingS256IsAFailureAndShowsInTheSummary() {
        fixture.as.remove("code_challenge_methods_supported");
        fixture.install();

        RemoteVerification verification = verifyFixture(null);

        assertEquals(List.of("A6"), verification.failedChecks());
        assertEquals(Revisions.R2025_11_25, check(verification, "A6").specRevision());
        assertFalse(verification.summary().pkceS256());
        assertTrue(verification.summary().text().contains("pkce S256 missing"));
    }

    @Test
    void warningsDoNotPreventVerification() {
        fixture.unauthenticatedStatus = 403;
        fixture.challenge = "Bearer resource_metadata=\"" + fixture.base + fixture.prmPath + "\"";
        fixture.prm.put("resource", fixture.base + "/");
        fixture.prm.set("scopes_supported", McpServerFixture.JSON.valueToTree(List.of("offline_access", "admin")));
        fixture.prm.set("bearer_methods_supported", McpServerFixture.JSON.valueToTree(List.of("header", "query")));
        fixture.as.remove("client_id_metadata_document_supported");
        fixture.as.remove("authorization_response_iss_parameter_supported");
        fixture.as.set("protected_resources", McpServerFixture.JSON.valueToTree(List.of("https://other.example")));
        fixture.install();

        RemoteVerification verification = verifyFixture(null);

        assertEquals(Verdict.VERIFIED, verification.verdict(), verification.toString());
        assertEquals(List.of("E2", "E4", "D6", "P6", "P9", "P11", "A7", "A9"), levels(verification, CheckLevel.WARN));
        assertEquals(List.of("P12", "A12"), levels(verification, CheckLevel.INFO));
        assertEquals(Revisions.R2026_07_28, check(verification, "A7").specRevision());
        assertEquals(RegistrationMode.DCR, verification.summary().registrationMode());
    }

    @Test
    void noRegistrationPathIsManual() {
        fixture.as.remove("client_id_metadata_document_supported");
        fixture.as.remove("registration_endpoint");
        fixture.install();

        RemoteVerification verification = verifyFixture(null);

        assertEquals(CheckLevel.INFO, check(verification, "A7").level());
        assertEquals(RegistrationMode.MANUAL, verification.summary().registrationMode());
    }

    @Test
    void aPublicServerWithoutDeclarationIsNotApplicable() {
        server.stubFor(post("/mcp").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"jsonrpc\":\"2.0\",\"id\":1}")));

        RemoteVerification verification = verifyFixture(null);

        assertEquals(Verdict.NOT_APPLICABLE, verification.verdict());
        assertEquals(CheckLevel.INFO, check(verification, "E2").level());
        assertNull(verification.summary());
        assertTrue(verification.detail().startsWith("public"));
    }

    @Test
    void aPublicServerDeclaredAsOAuthIsDrift() {
        server.stubFor(post("/mcp").willReturn(aResponse().withStatus(200)));

        RemoteVerification verification = verifyFixture(fixture.declaration());

        assertEquals(Verdict.FAILED, verification.verdict());
        assertEquals(List.of("D1"), verification.failedChecks());
    }

    @Test
    void aServerWithNoSignOfOAuthAndNoDeclarationIsNotApplicable() {
        server.stubFor(post("/mcp").willReturn(aResponse().withStatus(405)));

        RemoteVerification verification = verifyFixture(null);

        assertEquals(Verdict.NOT_APPLICABLE, verification.verdict(), verification.toString());
        assertEquals(CheckLevel.INFO, check(verification, "E2").level());
    }

    @Test
    void aDeclaredServerWithNoSignOfOAuthFails() {
        server.stubFor(post("/mcp").willReturn(aResponse().withStatus(405)));

        RemoteVerification verification = verifyFixture(fixture.declaration());

        assertEquals(List.of("E2", "E3"), verification.failedChecks());
    }

    @Test
    void metadataReachableAtWellKnownSignalsOAuthEvenWithoutA401() {
        fixture.unauthenticatedStatus = 404;
        fixture.challenge = null;
        fixture.install();

        RemoteVerification verification = verifyFixture(null);

        assertEquals(List.of("E2"), verification.failedChecks());
        assertEquals(MetadataSource.PATH, verification.summary().metadataSource());
    }

    @Test
    void driftBetweenDeclarationAndObservation() {
        fixture.install();
        DeclaredOAuth declared = new DeclaredOAuth("https://mcp.example.com/mcp", List.of("https://login.example.com"),
                List.of("tools:read", "tools:admin"), List.of(), RegistrationMode.CIMD);

        RemoteVerification verification = verifyFixture(declared);

        assertEquals(List.of("D3", "D4"), verification.failedChecks());
        assertEquals(CheckLevel.WARN, check(verification, "D2").level());
        assertTrue(check(verification, "D2").observed().contains("tools:admin"));
        assertEquals(Revisions.REGISTRY, check(verification, "D3").specRevision());
    }

    @Test
    void declaredScopesMissingAreOnlyAWarning() {
        fixture.install();
        DeclaredOAuth declared = new DeclaredOAuth(null, null, List.of("tools:delete"), null, null);

        RemoteVerification verification = verifyFixture(declared);

        assertEquals(Verdict.VERIFIED, verification.verdict());
        assertEquals(List.of("D2"), levels(verification, CheckLevel.WARN));
    }

    @Test
    void declaredRegistrationModeTheServerDoesNotOffer() {
        fixture.as.remove("registration_endpoint");
        fixture.install();
        DeclaredOAuth declared = new DeclaredOAuth(null, null, null, null, RegistrationMode.DCR);

        assertEquals(List.of("D5"), verifyFixture(declared).failedChecks());
    }

    @Test
    void undeclaredOAuthIsAWarning() {
        fixture.install();
        RemoteVerification verification = verifyFixture(null);
        assertEquals(Verdict.VERIFIED, verification.verdict());
        assertEquals(List.of("D6"), levels(verification, CheckLevel.WARN));
    }

    @Test
    void aSlowEndpointIsUnreachableWithinTheTimeout() {
        server.stubFor(post("/mcp").willReturn(aResponse().withStatus(401).withFixedDelay(3_000)));
        try (SafeFetcher quick = new SafeFetcher(vertx, FetchSettings.defaults().withAllowHttpLoopback(true)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(700)), resolver, null)) {
            long start = System.nanoTime();
            RemoteVerification verification = verifier(quick, VerifierSettings.defaults())
                    .verify(fixture.endpoint(), "streamable-http", fixture.declaration());
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

            assertEquals(Verdict.UNREACHABLE, verification.verdict());
            assertEquals(FetchFailure.TIMEOUT, verification.unreachable());
            assertTrue(verification.detail().startsWith("MCP endpoint: timeout"), verification.detail());
            assertTrue(millis < 1_500, "took " + millis + " ms");
        }
    }

    @Test
    void slowMetadataIsUnreachableNotFailed() {
        fixture.install();
        server.stubFor(get(fixture.prmPath).willReturn(McpServerFixture.json(fixture.prm).withFixedDelay(3_000)));
        try (SafeFetcher quick = new SafeFetcher(vertx, FetchSettings.defaults().withAllowHttpLoopback(true)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(700)), resolver, null)) {
            RemoteVerification verification = verifier(quick, VerifierSettings.defaults())
                    .verify(fixture.endpoint(), "streamable-http", null);

            assertEquals(Verdict.UNREACHABLE, verification.verdict(), verification.toString());
            assertEquals(FetchFailure.TIMEOUT, verification.unreachable());
            assertTrue(verification.detail().startsWith("protected resource metadata at"), verification.detail());
        }
    }

    @Test
    void theWholeVerificationIsBoundedByItsBudget() {
        fixture.install();
        server.stubFor(get(fixture.asPath).willReturn(McpServerFixture.json(fixture.as).withFixedDelay(3_000)));
        RemoteVerifier hurried = verifier(fetcher, VerifierSettings.defaults().withBudget(Duration.ofMillis(800)));

        long start = System.nanoTime();
        RemoteVerification verification = hurried.verify(fixture.endpoint(), "streamable-http", null);
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertEquals(Verdict.UNREACHABLE, verification.verdict(), verification.toString());
        assertTrue(millis < 1_800, "took " + millis + " ms");
    }

    @Test
    void oversizedMetadataFailsP3() {
        fixture.prm.put("resource_documentation", fixture.base + "/" + "x".repeat(300 * 1024));
        fixture.install();

        RemoteVerification verification = verifyFixture(null);

        assertEquals(List.of("P3"), verification.failedChecks());
        assertTrue(check(verification, "P3").observed().contains("larger than 262144 bytes"));
    }

    @Test
    void metadataRedirectingToCloudMetadataIsRefusedAndFails() {
        fixture.install();
        server.stubFor(get(fixture.prmPath).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://169.254.169.254/latest/meta-data/iam/security-credentials/")));

        RemoteVerification verification = verifyFixture(null);

        assertEquals(List.of("P3"), verification.failedChecks());
        assertTrue(check(verification, "P3").observed().contains("refused"), check(verification, "P3").observed());
    }

    @Test
    void aHeaderPointingAtAPrivateNameIsRefused() {
        fixture.challenge = "Bearer resource_metadata=\"https://metadata.verify.test/prm\"";
        fixture.install();

        RemoteVerification verification = verifyFixture(null);

        assertEquals(List.of("P3"), verification.failedChecks());
        assertTrue(check(verification, "P3").observed().contains("169.254.169.254"));
    }

    @Test
    void anEndpointRedirectingToAPrivateAddressIsUnreachable() {
        server.stubFor(post("/mcp").willReturn(aResponse().withStatus(307).withHeader("Location", "https://10.0.0.8/mcp")));

        RemoteVerification verification = verifyFixture(null);

        assertEquals(Verdict.UNREACHABLE, verification.verdict());
        assertEquals(FetchFailure.REFUSED, verification.unreachable());
    }

    @Test
    void withTheSwitchOffLoopbackAndHttpAreNeverContacted() {
        fixture.install();
        try (SafeFetcher production = new SafeFetcher(vertx, FetchSettings.defaults(), resolver, null)) {
            RemoteVerifier strict = verifier(production, VerifierSettings.defaults());

            RemoteVerification http = strict.verify(fixture.endpoint(), "streamable-http", null);
            assertEquals(Verdict.FAILED, http.verdict());
            assertEquals(List.of("E1"), http.failedChecks());

            for (String url : List.of("https://mcp.verify.test:" + server.port() + "/mcp",
                    "https://metadata.verify.test/mcp", "https://127.0.0.1:" + server.port() + "/mcp",
                    "https://[::1]:" + server.port() + "/mcp", "https://2130706433:" + server.port() + "/mcp")) {
                RemoteVerification refused = strict.verify(url, "streamable-http", null);
                assertEquals(Verdict.UNREACHABLE, refused.verdict(), url);
                assertEquals(FetchFailure.REFUSED, refused.unreachable(), url);
            }
        }
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void stdioAndUnknownTransportsAreNotApplicable() {
        assertEquals(Verdict.NOT_APPLICABLE, verifier.verify(null, "stdio", null).verdict());
        assertEquals(Verdict.NOT_APPLICABLE, verifier.verify(fixture.endpoint(), "stdio", null).verdict());
        assertEquals(Verdict.NOT_APPLICABLE, verifier.verify(fixture.endpoint(), "websocket", null).verdict());
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void sseTransportIsProbedWithAGet() {
        fixture.install();
        server.stubFor(get("/mcp").withHeader("Accept", equalTo("text/event-stream"))
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", fixture.challenge)));

        RemoteVerification verification = verifier.verify(fixture.endpoint(), "sse", null);

        assertNotNull(verification.summary(), verification.toString());
        assertEquals(MetadataSource.HEADER, verification.summary().metadataSource());
        assertEquals("GET", verification.probes().get(0).method());
    }

    @Test
    void onlyTheConfiguredNumberOfAuthorizationServersIsProbed() {
        fixture.prm.set("authorization_servers", McpServerFixture.JSON.valueToTree(List.of(fixture.issuer(),
                fixture.base + "/as2", fixture.base + "/as3", fixture.base + "/as4")));
        fixture.install();

        RemoteVerification verification = verifyFixture(null);

        assertEquals(CheckLevel.INFO, check(verification, "A2").level());
        assertTrue(verification.probes().stream().noneMatch(probe -> probe.url().contains("as4")));
    }

    @Test
    void verifyAsyncRunsOnTheGivenExecutor() throws Exception {
        fixture.install();
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            RemoteVerification verification = verifier.verifyAsync(fixture.endpoint(), "streamable-http",
                    fixture.declaration(), executor).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(Verdict.VERIFIED, verification.verdict());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void theResultRoundTripsThroughJackson() throws Exception {
        fixture.install();
        RemoteVerification verification = verifyFixture(fixture.declaration());
        JsonMapper mapper = JsonMapper.builder().findAndAddModules().build();

        String json = mapper.writeValueAsString(verification);

        assertTrue(json.contains("\"verdict\":\"verified\""), json);
        assertTrue(json.contains("\"metadataSource\":\"header\""), json);
        assertTrue(json.contains("\"level\":\"PASS\""), json);
        assertTrue(json.contains("\"checkedAt\":\"2026-01-15T10:00:00Z\"")
                || json.contains("\"checkedAt\":1768471200"), json);
        assertEquals(verification, mapper.readValue(json, RemoteVerification.class));
    }
}
