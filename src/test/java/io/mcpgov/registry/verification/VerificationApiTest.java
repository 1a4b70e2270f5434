package io.mcpgov.registry.verification;

import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Verification wired into the registry: after publish, on demand, and its effect on listing. */
@QuarkusTest
@RegistryTest
class VerificationApiTest {

    private static final String GOV = "_meta.'io.mcpgov.registry/governance'";
    private static final String TEAM = "team-verify";
    private static final String PUBLISHER = Api.publisher("pat", TEAM);
    private static final AtomicInteger HOSTS = new AtomicInteger(10);

    private WireMockServer wiremock;
    private McpServerFixture fixture;

    @BeforeEach
    void startServer() {
        wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        wiremock.start();
        // each test reaches its server by another loopback address, so remote URLs never repeat across tests
        fixture = new McpServerFixture(wiremock, "127.0.0." + HOSTS.incrementAndGet()).install();
    }

    @AfterEach
    void stopServer() {
        wiremock.stop();
    }

    private String document(String name, String extraRemote) {
        return """
                {"$schema":"%s","name":"%s","description":"Verified server","version":"1.0.0",
                 "remotes":[{"type":"streamable-http","url":"%s"}%s],
                 "_meta":{"io.mcpgov.registry/governance":{"auth":{"oauth2":{
                    "resource":"%s","authorizationServers":["%s"],
                    "scopesSupported":["tools:read","tools:write"],"scopesRequired":["tools:read"],
                    "clientRegistration":{"mode":"client-id-metadata-document"},"remotes":["%s"]}}}}}"""
                .formatted(Docs.SCHEMA, name, fixture.endpoint(), extraRemote == null ? "" : "," + extraRemote,
                        fixture.endpoint(), fixture.issuer(), fixture.endpoint());
    }

    private JsonPath awaitState(String token, String name, String state) throws InterruptedException {
        JsonPath last = null;
        for (int i = 0; i < 100; i++) {
            last = as(token).get(X + "/servers/" + encode(name) + "/versions/1.0.0/verification").then()
                    .statusCode(200).extract().jsonPath();
            if (state.equals(last.getString("verification.state"))) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("verification never reached " + state + ": " + (last == null ? null : last.prettify()));
    }

    @Test
    void aCorrectServerIsVerifiedSoonAfterPublishWithoutAsking() throws Exception {
        String name = Api.freshNamespace(TEAM) + "/good";
        as(PUBLISHER).body(document(name, null)).post("/v0.1/publish").then().statusCode(200)
                .body(GOV + ".verification.state", equalTo("unverified"));

        JsonPath detail = awaitState(AGENT, name, "verified");
        assertThat(detail.getString("verification.remotes[0].summary.text"))
                .contains("metadata via header").contains("pkce S256").contains("registration cimd");
        assertThat(detail.getList("remotes[0].checks.id", String.class)).contains("E2", "P6", "A3", "A6");

        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/1.0.0").then().statusCode(200)
                .body(GOV + ".listed", equalTo(true))
                .body(GOV + ".verification.state", equalTo("verified"))
                .body(GOV + ".verification.remotes[0].verdict", equalTo("verified"))
                .body(GOV + ".verification.remotes[0].summary.pkceS256", equalTo(true));
    }

    @Test
    void breakingTheMetadataAndCheckingAgainFlipsToFailedAndHidesTheEntry() throws Exception {
        String name = Api.freshNamespace(TEAM) + "/broken";
        Api.publishOk(PUBLISHER, document(name, null));
        awaitState(AGENT, name, "verified");

        fixture.as.remove("code_challenge_methods_supported");
        wiremock.resetAll();
        fixture.install();

        as(PUBLISHER).post(X + "/servers/" + encode(name) + "/versions/1.0.0/verification").then().statusCode(200)
                .body("verification.state", equalTo("failed"))
                .body("verification.remotes[0].failedChecks", hasItem("A6"))
                .body("remotes[0].checks.find { it.id == 'A6' }.level", equalTo("FAIL"));

        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/1.0.0").then().statusCode(404);
        as(PUBLISHER).get("/v0.1/servers/" + encode(name) + "/versions/1.0.0").then().statusCode(200)
                .body(GOV + ".listed", equalTo(false))
                .body(GOV + ".reasons.ruleId", equalTo(List.of("oauth-verification-failed")));
        as(Api.AUDITOR).queryParam("targetId", encode(name + "@1.0.0")).queryParam("action", "verification.checked")
                .get(X + "/audit").then().body("events[0].actor.subject", equalTo("pat"))
                .body("events[0].after.oauthVerification", equalTo("failed"));
    }

    @Test
    void oauthDeclaredButOpenToEveryoneIsDrift() throws Exception {
        String name = Api.freshNamespace(TEAM) + "/open";
        fixture.unauthenticatedStatus = 200;
        fixture.challenge = null;
        wiremock.resetAll();
        fixture.install();
        Api.publishOk(PUBLISHER, document(name, null));
        JsonPath detail = awaitState(REVIEWER, name, "failed");
        assertThat(detail.getList("verification.remotes[0].failedChecks", String.class)).contains("D1");
    }

    @Test
    void aFailedOAuthClaimWithApiKeysFallsUnderTheApiKeyGate() throws Exception {
        String name = Api.freshNamespace(TEAM) + "/fallback";
        fixture.as.remove("issuer");
        wiremock.resetAll();
        fixture.install();
        String keyed = """
                {"type":"streamable-http","url":"%s/keyed","headers":[{"name":"X-API-Key","isSecret":true}]}"""
                .formatted(fixture.base);
        Api.publishOk(PUBLISHER, document(name, keyed));
        awaitState(PUBLISHER, name, "failed");

        as(PUBLISHER).get("/v0.1/servers/" + encode(name) + "/versions/1.0.0").then()
                .body(GOV + ".reasons.ruleId", equalTo(List.of("api-key-only")));
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/1.0.0").then().statusCode(404);

        String exception = """
                {"serverName":"%s","classification":"transitional","justification":"OAuth being fixed",
                 "expiresAt":"%s","compensatingControls":{"rotationDays":7,"keyStorage":"vault","offboardingOwner":"iam"}}"""
                .formatted(name, Instant.now().plus(7, ChronoUnit.DAYS));
        String id = as(PUBLISHER).body(exception).post(X + "/exceptions").then().statusCode(201).extract().path("id");
        as(REVIEWER).body(Map.of("reason", "ok for a week")).post(X + "/exceptions/" + id + "/approve").then().statusCode(200);
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/1.0.0").then().statusCode(200)
                .body(GOV + ".verification.state", equalTo("failed"));
    }

    @Test
    void onlyTheOwningTeamReviewersAndAdminsAskForAChecks() {
        String name = Api.freshNamespace(TEAM) + "/ask";
        Api.publishOk(PUBLISHER, document(name, null));
        String path = X + "/servers/" + encode(name) + "/versions/1.0.0/verification";
        as(Api.publisher("oscar", "team-other")).post(path).then().statusCode(403)
                .body("detail", containsString("owning team"));
        as(AGENT).post(path).then().statusCode(403);
        Api.anonymous().post(path).then().statusCode(401);
        as(REVIEWER).post(path).then().statusCode(200).body("verification.state", equalTo("verified"));
        as(Api.ADMIN).post(X + "/servers/" + encode(name) + "/versions/9.9.9/verification").then().statusCode(404);
    }

    @Test
    void hiddenEntriesKeepTheirVerificationFromAgents() {
        String name = Api.freshNamespace(TEAM) + "/secret";
        Api.publishOk(PUBLISHER, Docs.apiKeyRemote(name, "1.0.0"));
        as(AGENT).get(X + "/servers/" + encode(name) + "/versions/1.0.0/verification").then().statusCode(404);
        as(PUBLISHER).get(X + "/servers/" + encode(name) + "/versions/latest/verification").then().statusCode(200)
                .body("verification.state", equalTo("not-applicable"));
    }
}
