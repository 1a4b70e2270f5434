package io.mcpgov.registry.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RegistryTest
class GovernanceEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEAM = "team-events";
    private static final String PUBLISHER = Api.publisher("pat", TEAM);

    private WireMockServer receiver;

    @BeforeEach
    void startReceiver() {
        receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    /** The sequence of the newest event in the feed. */
    private static long feedHead() {
        long head = 0;
        while (true) {
            String next = as(AUDITOR).queryParam("cursor", head).queryParam("limit", 1000).get(X + "/events").then()
                    .statusCode(200).extract().path("metadata.nextCursor");
            if (next == null) {
                return head;
            }
            head = Long.parseLong(next);
        }
    }

    private static List<Map<String, Object>> eventsAfter(long cursor, String serverName) {
        return as(AUDITOR).queryParam("cursor", cursor).queryParam("limit", 1000).get(X + "/events").then()
                .statusCode(200).extract().jsonPath().getList("events", Map.class).stream()
                .map(e -> (Map<String, Object>) e)
                .filter(e -> serverName.equals(e.get("subject"))).toList();
    }

    private static String exceptionRequest(String name, Instant end) {
        return """
                {"serverName":"%s","classification":"transitional","justification":"Vendor migrates to OAuth",
                 "expiresAt":"%s","compensatingControls":{"rotationDays":30,"keyStorage":"vault","offboardingOwner":"iam"}}"""
                .formatted(name, end);
    }

    private String subscribe(Map<String, Object> body) {
        return as(ADMIN).body(body).post(X + "/webhooks").then().statusCode(201)
                .body("secret", notNullValue()).extract().path("secret");
    }

    private List<LoggedRequest> awaitDeliveries(Predicate<List<LoggedRequest>> done) throws InterruptedException {
        List<LoggedRequest> seen = List.of();
        for (int i = 0; i < 150; i++) {
            seen = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
            if (done.test(seen)) {
                return seen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("deliveries never arrived; saw " + seen.size());
    }

    @Test
    void everyChangeThatAltersWhatAgentsReachIsAnEventInTheFeed() {
        long start = feedHead();
        String name = Api.freshNamespace(TEAM) + "/keyed";
        Api.publishOk(PUBLISHER, Docs.apiKeyRemote(name, "1.0.0"));
        String id = as(PUBLISHER).body(exceptionRequest(name, Instant.now().plus(5, ChronoUnit.DAYS)))
                .post(X + "/exceptions").then().statusCode(201).extract().path("id");
        as(REVIEWER).body(Map.of("reason", "ok")).post(X + "/exceptions/" + id + "/approve").then().statusCode(200);
        as(ADMIN).body(Map.of("reason", "leaked")).post(X + "/exceptions/" + id + "/revoke").then().statusCode(200);

        List<Map<String, Object>> events = eventsAfter(start, name);
        assertThat(events).extracting(e -> e.get("type")).containsExactly(
                EventTypes.ENTRY_HIDDEN, EventTypes.EXCEPTION_APPROVED, EventTypes.ENTRY_LISTED,
                EventTypes.EXCEPTION_REVOKED, EventTypes.ENTRY_HIDDEN);
        Map<String, Object> first = events.get(0);
        assertThat(first).containsEntry("specversion", "1.0").containsEntry("datacontenttype", "application/json")
                .containsKeys("id", "source", "time", "sequence");
        assertThat((Map<String, Object>) first.get("data")).containsEntry("listed", false)
                .containsEntry("reasons", List.of("api-key-only")).containsEntry("version", "1.0.0");
    }

    @Test
    void anImportAnnouncesTheListingOfEveryEntryItStoresOrDeletes() {
        long start = feedHead();
        String ns = Api.freshNamespace(TEAM);
        String keyed = ns + "/keyed";
        String open = ns + "/open";
        String items = String.join(",", Docs.publicRemote(open, "1.0.0"), Docs.publicRemote(open, "1.1.0"),
                Docs.apiKeyRemote(keyed, "1.0.0"));
        as(ADMIN).body("{\"owningTeam\":\"" + TEAM + "\",\"items\":[" + items + "]}").post(X + "/imports").then()
                .statusCode(200).body("imported", equalTo(3));

        List<Map<String, Object>> opened = eventsAfter(start, open);
        assertThat(opened).extracting(e -> e.get("type")).containsExactly(EventTypes.ENTRY_LISTED, EventTypes.ENTRY_LISTED);
        assertThat(opened).extracting(e -> ((Map<String, Object>) e.get("data")).get("version"))
                .containsExactly("1.0.0", "1.1.0");
        assertThat((Map<String, Object>) opened.get(0).get("data")).containsEntry("cause", "server.imported");
        List<Map<String, Object>> hidden = eventsAfter(start, keyed);
        assertThat(hidden).extracting(e -> e.get("type")).containsExactly(EventTypes.ENTRY_HIDDEN);
        assertThat((Map<String, Object>) hidden.get(0).get("data")).containsEntry("reasons", List.of("api-key-only"));

        long afterImport = feedHead();
        String deleted = """
                {"server":%s,"_meta":{"io.modelcontextprotocol.registry/official":{"status":"deleted"}}}"""
                .formatted(Docs.publicRemote(open, "1.1.0"));
        as(ADMIN).body("{\"owningTeam\":\"" + TEAM + "\",\"items\":[" + deleted + "]}").post(X + "/imports").then()
                .statusCode(200).body("statusesUpdated", equalTo(1));
        List<Map<String, Object>> gone = eventsAfter(afterImport, open);
        assertThat(gone).extracting(e -> e.get("type")).containsExactly(EventTypes.ENTRY_HIDDEN);
        assertThat((Map<String, Object>) gone.get(0).get("data")).containsEntry("version", "1.1.0")
                .containsEntry("reasons", List.of("deleted")).containsEntry("cause", "server.status-changed");
    }

    @Test
    void subscribersGetSignedCloudEventsWithinSeconds() throws Exception {
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
        String ns = Api.freshNamespace(TEAM);
        String secret = subscribe(Map.of("url", "http://127.0.0.1:" + receiver.port() + "/hook",
                "namespaces", List.of(ns), "types", List.of(EventTypes.ENTRY_LISTED, EventTypes.ENTRY_HIDDEN)));
        Api.publishOk(PUBLISHER, Docs.publicRemote(ns + "/open", "1.0.0"));
        Api.publishOk(PUBLISHER, Docs.apiKeyRemote(ns + "/keyed", "1.0.0"));
        Api.publishOk(PUBLISHER, Docs.publicRemote(Api.freshNamespace(TEAM) + "/elsewhere", "1.0.0"));

        List<LoggedRequest> deliveries = awaitDeliveries(seen -> seen.size() >= 2);
        Thread.sleep(1500);
        deliveries = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
        assertThat(deliveries).hasSize(2);
        for (LoggedRequest delivery : deliveries) {
            String body = delivery.getBodyAsString();
            String webhookId = delivery.getHeader("webhook-id");
            String timestamp = delivery.getHeader("webhook-timestamp");
            assertThat(delivery.getHeader("Content-Type")).startsWith("application/cloudevents+json");
            assertThat(delivery.getHeader("webhook-signature")).isEqualTo(expectedSignature(secret, webhookId, timestamp, body));
            assertThat(delivery.getHeader("Authorization")).isNull();
            assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(60);
            JsonNode event = JSON.readTree(body);
            assertThat(event.path("id").asText()).isEqualTo(webhookId);
            assertThat(event.path("subject").asText()).startsWith(ns + "/");
        }
        assertThat(deliveries).extracting(d -> JSON.readTree(d.getBodyAsString()).path("type").asText())
                .containsExactly(EventTypes.ENTRY_LISTED, EventTypes.ENTRY_HIDDEN);
        // the receiver's HMAC is the standard one (RFC 4231, test case 2), and a delivery does not verify with another key
        assertThat(HexFormat.of().formatHex(hmacSha256("Jefe", "what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        LoggedRequest one = deliveries.get(0);
        assertThat(one.getHeader("webhook-signature")).isNotEqualTo(expectedSignature(secret + "x",
                one.getHeader("webhook-id"), one.getHeader("webhook-timestamp"), one.getBodyAsString()));
    }

    @Test
    void aReceiverThatFailsIsRetriedInOrderUntilItRecovers() throws Exception {
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("up"));
        receiver.stubFor(post("/hook").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200)));
        String ns = Api.freshNamespace(TEAM);
        subscribe(Map.of("url", "http://127.0.0.1:" + receiver.port() + "/hook", "namespaces", List.of(ns)));
        String name = ns + "/ordered";
        Api.publishOk(PUBLISHER, Docs.apiKeyRemote(name, "1.0.0"));
        Api.publishOk(PUBLISHER, Docs.apiKeyRemote(name, "1.1.0"));

        List<LoggedRequest> seen = awaitDeliveries(d -> d.size() >= 4);
        List<String> versions = seen.stream()
                .map(d -> readQuietly(d.getBodyAsString()).path("data").path("version").asText()).toList();
        // 1.0.0 failed twice before it got through; 1.1.0 waited for it
        assertThat(versions).containsExactly("1.0.0", "1.0.0", "1.0.0", "1.1.0");
    }

    @Test
    void noDeliveryToAPrivateAddressAndFailuresAreVisibleAndReplayable() throws Exception {
        String ns = Api.freshNamespace(TEAM);
        // a receiver whose name resolved to a public address when it was subscribed, and now points inside
        String id = as(ADMIN).body(Map.of("url", "https://hooks.example.com/hook", "namespaces", List.of(ns)))
                .post(X + "/webhooks").then().statusCode(201).extract().path("id");
        Sql.update("UPDATE webhook_subscription SET url = 'https://10.0.0.7/hook' WHERE id = ?", java.util.UUID.fromString(id));
        Api.publishOk(PUBLISHER, Docs.publicRemote(ns + "/private", "1.0.0"));
        Map<String, Object> delivery = null;
        for (int i = 0; i < 100 && (delivery == null || delivery.get("lastError") == null); i++) {
            Thread.sleep(100);
            List<Map<String, Object>> all = as(ADMIN).get(X + "/webhooks/" + id + "/deliveries").then().statusCode(200)
                    .extract().jsonPath().getList("", Map.class).stream().map(m -> (Map<String, Object>) m).toList();
            delivery = all.isEmpty() ? null : all.get(0);
        }
        assertThat(delivery).isNotNull();
        assertThat((String) delivery.get("lastError")).contains("refused");
        assertThat((Integer) delivery.get("attempts")).isPositive();
        as(ADMIN).get(X + "/webhooks").then().body("find { it.id == '" + id + "' }.secret", nullValue());
        as(ADMIN).post(X + "/webhooks/" + id + "/replay").then().statusCode(200).body("replayed", equalTo(0));
        as(ADMIN).delete(X + "/webhooks/" + id).then().statusCode(204);
        as(ADMIN).get(X + "/webhooks/" + id + "/deliveries").then().statusCode(404);
    }

    @Test
    void anExceptionThatEndsIsAnnouncedByTheSweep() throws Exception {
        long start = feedHead();
        String name = Api.freshNamespace(TEAM) + "/ending";
        Api.publishOk(PUBLISHER, Docs.apiKeyRemote(name, "1.0.0"));
        String id = as(PUBLISHER).body(exceptionRequest(name, Instant.now().plus(5, ChronoUnit.DAYS)))
                .post(X + "/exceptions").then().statusCode(201).extract().path("id");
        as(REVIEWER).body(Map.of("reason", "ok")).post(X + "/exceptions/" + id + "/approve").then().statusCode(200);
        Sql.endExceptionIn(id, 1);
        List<Object> types = List.of();
        for (int i = 0; i < 100 && !types.contains(EventTypes.EXCEPTION_EXPIRED); i++) {
            Thread.sleep(100);
            types = eventsAfter(start, name).stream().map(e -> e.get("type")).toList();
        }
        assertThat(types).endsWith(EventTypes.EXCEPTION_EXPIRED, EventTypes.ENTRY_HIDDEN);
        as(AUDITOR).queryParam("targetId", id).queryParam("action", "exception.expired").get(X + "/audit").then()
                .body("events[0].actor.subject", equalTo("system:registry"));
    }

    @Test
    void receiversTheDeliveryGuardWouldRefuseAreRefusedAtSubscription() {
        Map<String, String> refusals = Map.of(
                "https://169.254.169.254/latest/meta-data/", "cloud-metadata",
                "https://[fd00::1]/hook", "unique-local",
                "https://10.1.2.3/hook", "private",
                "http://10.0.0.7/hook", "private",
                "https://[fe80::1]/hook", "link-local");
        refusals.forEach((url, ruleId) -> as(ADMIN).body(Map.of("url", url)).post(X + "/webhooks").then().statusCode(422)
                .body("errors[0].ruleId", equalTo(ruleId))
                .body("errors[0].path", equalTo("/url")));
        as(ADMIN).body(Map.of("url", "ftp://hooks.example.com/x")).post(X + "/webhooks").then().statusCode(422)
                .body("errors[0].ruleId", equalTo("webhook-url-invalid"));
        List<String> urls = as(ADMIN).get(X + "/webhooks").then().statusCode(200).extract().jsonPath().getList("url");
        assertThat(urls).doesNotContainAnyElementsOf(refusals.keySet());
    }

    @Test
    void subscriptionsAreChecked() {
        as(ADMIN).body(Map.of("url", "https://hooks.example.com/x", "types", List.of("io.mcpgov.registry.nope"),
                "namespaces", List.of("Not A Namespace"))).post(X + "/webhooks").then().statusCode(422)
                .body("errors.ruleId", hasItem("webhook-type-unknown"))
                .body("errors.ruleId", hasItem("namespace-format"));
        as(AUDITOR).queryParam("type", "nope").get(X + "/events").then().statusCode(400);
    }

    private static JsonNode readQuietly(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** What a receiver computes to check a delivery, from the documented algorithm (not the registry's code). */
    private static String expectedSignature(String secret, String id, String timestamp, String body) throws Exception {
        return "v1," + Base64.getEncoder().encodeToString(hmacSha256(secret, id + "." + timestamp + "." + body));
    }

    private static byte[] hmacSha256(String key, String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    }
}
