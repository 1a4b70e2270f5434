package io.mcpgov.registry.limits;

import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.sun.net.httpserver.HttpServer;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Sql;
import io.mcpgov.registry.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Budgets per caller, with limits low enough to spend in a test. Periods are an hour, so no budget fills up again
 * while a test runs; every test uses subjects of its own, so tests do not spend each other's budgets (except the
 * address budgets, which only the anonymous and bad-token tests spend, each its own).
 */
@QuarkusTest
@RegistryTest
@TestProfile(CallerLimitsTest.LowLimits.class)
class CallerLimitsTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("registry.limits.reads.limit", "5"),
                    Map.entry("registry.limits.reads.period", "1h"),
                    Map.entry("registry.limits.writes.limit", "3"),
                    Map.entry("registry.limits.writes.period", "1h"),
                    Map.entry("registry.limits.validate.limit", "2"),
                    Map.entry("registry.limits.validate.period", "1h"),
                    Map.entry("registry.limits.verify-now.limit", "3"),
                    Map.entry("registry.limits.verify-now.period", "1h"),
                    Map.entry("registry.limits.verify-now.concurrent", "1"),
                    Map.entry("registry.limits.imports.limit", "1"),
                    Map.entry("registry.limits.imports.period", "1h"),
                    Map.entry("registry.limits.bad-tokens.limit", "3"),
                    Map.entry("registry.limits.bad-tokens.period", "1h"),
                    Map.entry("registry.read.anonymous", "true"),
                    Map.entry("registry.events.max-webhooks", "3"),
                    // no check after publish: the only probes are the ones a test asks for
                    Map.entry("registry.verification.enabled", "false"));
        }
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String TEAM = "team-limits";

    /** A subject no other test uses, with the given roles. */
    private static String fresh(String prefix, String... groups) {
        return Tokens.of(prefix + "-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime(), groups);
    }

    /** A namespace of {@link #TEAM}, mapped by an admin of its own (an admin's writes are a budget too). */
    private static String namespace() {
        String ns = "com.limits" + System.nanoTime() % 1_000_000_000L + "x" + SEQUENCE.incrementAndGet();
        as(fresh("admin", "admin")).body(Map.of("owningTeam", TEAM)).put(X + "/namespaces/" + ns).then().statusCode(200);
        return ns;
    }

    /** Calls until the first refusal, which it returns; fails when {@code expectedAllowed} calls were not all served. */
    private static Response spend(int expectedAllowed, Supplier<Response> call) {
        for (int i = 0; i < expectedAllowed; i++) {
            Response served = call.get();
            assertThat(served.statusCode()).as("call " + (i + 1) + ": " + served.asString()).isNotEqualTo(429);
        }
        Response refused = call.get();
        assertRateLimited(refused);
        return refused;
    }

    private static void assertRateLimited(Response refused) {
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).endsWith("/rate-limited");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L);
    }

    private static Response list(String token) {
        return as(token).get("/v0.1/servers?limit=1");
    }

    @Test
    void readsAreLimitedPerCallerAndTheRefusalSaysWhenToRetry() {
        String agent = fresh("reader", "agent");
        Response refused = spend(5, () -> list(agent));
        assertThat(refused.jsonPath().getString("errors[0].ruleId")).isEqualTo("rate-limited");
        assertThat(refused.jsonPath().getString("detail")).contains("reads");
        // discovery of one entry, and the reads with a body, come out of the same budget
        as(agent).get("/v0.1/servers/" + encode("com.example/none") + "/versions/latest").then().statusCode(429);
        as(agent).body(Map.of("tools", java.util.List.of("x")))
                .post(X + "/servers/" + encode("com.example/none") + "/versions/latest/scope-plan").then().statusCode(429);
    }

    @Test
    void twoSubjectsDoNotShareABudgetAndNeitherDoTwoClientsOfOneSubject() {
        String first = fresh("reader", "agent");
        spend(5, () -> list(first));
        list(fresh("reader", "agent")).then().statusCode(200);

        String subject = "platform-" + System.nanoTime();
        spend(5, () -> list(ofClient(subject, "agent-platform")));
        list(ofClient(subject, "another-agent")).then().statusCode(200);
    }

    /** A token of {@code subject} issued to the OAuth client {@code clientId} ({@code azp}). */
    private static String ofClient(String subject, String clientId) {
        return Jwt.subject(subject).upn(subject).groups(Set.of("agent")).claim("azp", clientId)
                .issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).sign();
    }

    @Test
    void budgetsAreSeparate() {
        String publisher = fresh("validator", "publisher", TEAM);
        String ns = namespace();
        spend(2, () -> as(publisher).body(Docs.oauthRemote(ns + "/checked", "1.0.0")).post("/v0.1/validate"));
        list(publisher).then().statusCode(200);
        as(publisher).body(Docs.oauthRemote(ns + "/checked", "1.0.0")).post("/v0.1/publish").then().statusCode(200);
    }

    @Test
    void writesAreLimited() {
        String publisher = fresh("writer", "publisher", TEAM);
        String name = namespace() + "/written";
        AtomicInteger version = new AtomicInteger();
        spend(3, () -> as(publisher).body(Docs.oauthRemote(name, "1.0." + version.getAndIncrement())).post("/v0.1/publish"));
        // the refused write changed nothing
        as(fresh("reviewer", "reviewer")).get("/v0.1/servers/" + encode(name) + "/versions").then().statusCode(200)
                .body("servers.size()", equalTo(3));
    }

    @Test
    void verifyNowIsLimited() {
        String publisher = fresh("verifier", "publisher", TEAM);
        String name = namespace() + "/probed";
        Api.publishOk(publisher, Docs.oauthRemote(name, "1.0.0"));
        String path = X + "/servers/" + encode(name) + "/versions/1.0.0/verification";
        spend(3, () -> as(publisher).post(path));
        // reads are a budget of their own
        as(publisher).get(path).then().statusCode(200);
    }

    @Test
    void importsAreLimited() {
        String admin = fresh("importer", "admin");
        spend(1, () -> as(admin).body("{\"owningTeam\":\"" + TEAM + "\",\"items\":["
                + Docs.publicRemote("org.limits" + System.nanoTime() + "/imported", "1.0.0") + "]}").post(X + "/imports"));
    }

    @Test
    void anonymousCallersAreLimitedPerAddress() {
        spend(5, () -> Api.anonymous().get("/v0.1/servers?limit=1"));
        // a caller with a token has a budget of its own, from the same address
        list(fresh("reader", "agent")).then().statusCode(200);
    }

    @Test
    void badTokensAreLimitedPerAddressWithoutBlockingGoodOnes() {
        Response refused = spend(3, () -> as(Tokens.wrongSignature("forger", "admin")).get("/v0.1/servers?limit=1"));
        assertThat(refused.jsonPath().getString("detail")).contains("bad-tokens");
        as(Tokens.expired("late", "agent")).get("/v0.1/servers?limit=1").then().statusCode(429);
        as(Tokens.wrongIssuer("other", "publisher")).body("{}").post("/v0.1/publish").then().statusCode(429);
        list(fresh("reader", "agent")).then().statusCode(200);
    }

    @Test
    void oneCallerRunsAtMostTheConfiguredVerificationsAtOnce() throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer remote = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService threads = Executors.newCachedThreadPool();
        remote.setExecutor(threads);
        remote.createContext("/", exchange -> {
            arrived.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        remote.start();
        try {
            String publisher = fresh("prober", "publisher", TEAM);
            String name = namespace() + "/slow";
            Api.publishOk(publisher, slowRemote(name, "http://127.0.0.1:" + remote.getAddress().getPort() + "/mcp"));
            String path = X + "/servers/" + encode(name) + "/versions/1.0.0/verification";
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> as(publisher).post(path), threads);
            assertThat(arrived.await(30, TimeUnit.SECONDS)).as("the first verification reached the remote").isTrue();

            Response second = as(publisher).post(path);
            assertRateLimited(second);
            assertThat(second.jsonPath().getString("errors[0].ruleId")).isEqualTo("verify-now-concurrency");

            release.countDown();
            assertThat(first.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            // the slot came back with the answer
            as(publisher).post(path).then().statusCode(200);
        } finally {
            release.countDown();
            remote.stop(0);
            threads.shutdownNow();
        }
    }

    @Test
    void everyRefusalIsCountedByBudgetNeverBySubject() {
        double before = refused("validate", "token");
        String agent = fresh("counted", "agent");
        spend(2, () -> as(agent).body(Docs.publicRemote("com.example/counted", "1.0.0")).post("/v0.1/validate"));
        as(agent).body(Docs.publicRemote("com.example/counted", "1.0.0")).post("/v0.1/validate").then().statusCode(429);
        assertThat(refused("validate", "token")).isEqualTo(before + 2);
        assertThat(metrics()).doesNotContain("counted-");
    }

    @Test
    void subscriptionsStopAtTheirCap() {
        Sql.update("DELETE FROM webhook_subscription");
        for (int i = 0; i < 3; i++) {
            as(fresh("hooks", "admin")).body(Map.of("url", "https://hooks.example.com/" + i)).post(X + "/webhooks").then()
                    .statusCode(201);
        }
        String id = as(fresh("hooks", "admin")).get(X + "/webhooks").then().statusCode(200).extract().path("[0].id");
        as(fresh("hooks", "admin")).body(Map.of("url", "https://hooks.example.com/3")).post(X + "/webhooks").then()
                .statusCode(409)
                .body("errors[0].ruleId", equalTo("webhook-limit-reached"))
                .body("detail", containsString("registry.events.max-webhooks"));
        as(fresh("hooks", "admin")).delete(X + "/webhooks/" + id).then().statusCode(204);
        as(fresh("hooks", "admin")).body(Map.of("url", "https://hooks.example.com/3")).post(X + "/webhooks").then()
                .statusCode(201);
    }

    @Test
    void theApiDocumentSaysEveryOperationMayAnswer429() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept("application/json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation.get("responses") instanceof Map<?, ?> responses) {
                assertThat(responses.containsKey("429")).as(method + " " + path + " answers 429").isTrue();
            }
        }));
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double refused(String budget, String caller) {
        return metrics().lines()
                .filter(l -> l.startsWith("registry_limits_refused_total{") && l.contains("budget=\"" + budget + "\"")
                        && l.contains("caller=\"" + caller + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private static String slowRemote(String name, String url) {
        return """
                {"$schema":"%s","name":"%s","description":"Slow to answer","version":"1.0.0",
                 "remotes":[{"type":"streamable-http","url":"%s"}],
                 "_meta":{"io.mcpgov.registry/governance":{"auth":{"oauth2":{
                    "resource":"%s","authorizationServers":["https://login.example.com/realms/acme"],
                    "scopesSupported":["weather.read"],"scopesRequired":["weather.read"],
                    "clientRegistration":{"mode":"client-id-metadata-document"}}}}}}"""
                .formatted(Docs.SCHEMA, name, url, url);
    }
}
