package io.mcpgov.registry.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A receiver that keeps failing: its delivery is retried until {@code registry.events.max-attempts} attempts were
 * made, then given up as {@code failed} (no further attempt), and an admin's replay delivers it again once the
 * receiver is back. The backoff between attempts grows to hours, so the test brings each retry forward by hand.
 */
@QuarkusTest
@RegistryTest
class WebhookGiveUpTest {

    private static final String TEAM = "team-give-up";
    private static final String PUBLISHER = Api.publisher("pat", TEAM);

    private WireMockServer receiver;

    @BeforeEach
    void startFailingReceiver() {
        receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.start();
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(500)));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop();
    }

    private static int maxAttempts() {
        return ConfigProvider.getConfig().getValue("registry.events.max-attempts", Integer.class);
    }

    private static Map<String, Object> delivery(String webhook) {
        List<Map<String, Object>> all = as(ADMIN).get(X + "/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                .extract().jsonPath().getList("", Map.class).stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(all).hasSizeLessThanOrEqualTo(1);
        return all.isEmpty() ? Map.of() : all.get(0);
    }

    private static Map<String, Object> awaitDelivery(String webhook, Predicate<Map<String, Object>> done)
            throws InterruptedException {
        Map<String, Object> seen = Map.of();
        for (int i = 0; i < 150; i++) {
            seen = delivery(webhook);
            if (done.test(seen)) {
                return seen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("delivery never reached the expected state; last seen " + seen);
    }

    private static Predicate<Map<String, Object>> attempts(int n) {
        return d -> Integer.valueOf(n).equals(d.get("attempts"));
    }

    /**
     * Makes attempt number {@code attempt}: records that one fewer were made and brings the next forward, as if its
     * backoff had passed. An attempt under way at that moment writes its own count over this one; then it is done
     * again.
     */
    private static Map<String, Object> attempt(String webhook, int attempt) throws InterruptedException {
        for (int tries = 0; tries < 5; tries++) {
            assertThat(Sql.update("UPDATE webhook_delivery SET attempts = ?, next_attempt_at = now()"
                    + " WHERE subscription_id = ?", attempt - 1, UUID.fromString(webhook))).isOne();
            Map<String, Object> seen = awaitDelivery(webhook, d -> d.get("attempts") instanceof Integer n
                    && (n == attempt || n < attempt - 1));
            if (seen.get("attempts").equals(attempt)) {
                return seen;
            }
        }
        throw new AssertionError("attempt " + attempt + " was never made");
    }

    private List<LoggedRequest> received() {
        return receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
    }

    @Test
    void aDeliveryIsGivenUpAfterMaxAttemptsAndCanBeReplayed() throws InterruptedException {
        int max = maxAttempts();
        String ns = Api.freshNamespace(TEAM);
        String webhook = as(ADMIN).body(Map.of("url", "http://127.0.0.1:" + receiver.port() + "/hook",
                "namespaces", List.of(ns))).post(X + "/webhooks").then().statusCode(201).extract().path("id");
        Api.publishOk(PUBLISHER, Docs.publicRemote(ns + "/flaky", "1.0.0"));

        Map<String, Object> first = awaitDelivery(webhook, attempts(1));
        assertThat(first).containsEntry("state", "pending").containsEntry("lastStatus", 500)
                .containsEntry("lastError", "HTTP 500");

        Map<String, Object> beforeLast = attempt(webhook, max - 1);
        assertThat(beforeLast).as("one attempt short of the limit: retried later").containsEntry("state", "pending");

        Map<String, Object> givenUp = attempt(webhook, max);
        assertThat(givenUp).containsEntry("state", "failed").containsEntry("lastStatus", 500);
        int attemptsSeen = received().size();
        assertThat(attemptsSeen).isGreaterThanOrEqualTo(3);

        // a failed delivery is not tried again, even when it would be due
        Sql.update("UPDATE webhook_delivery SET next_attempt_at = now() WHERE subscription_id = ?", UUID.fromString(webhook));
        Thread.sleep(2500);
        assertThat(received()).hasSize(attemptsSeen);
        assertThat(delivery(webhook)).containsEntry("state", "failed").containsEntry("attempts", max);

        receiver.resetAll();
        receiver.stubFor(post("/hook").willReturn(aResponse().withStatus(204)));
        as(ADMIN).post(X + "/webhooks/" + webhook + "/replay").then().statusCode(200).body("replayed", equalTo(1));
        Map<String, Object> delivered = awaitDelivery(webhook, d -> "delivered".equals(d.get("state")));
        assertThat(delivered).containsEntry("attempts", 1).containsEntry("lastStatus", 204);
        assertThat(received()).singleElement().satisfies(request ->
                assertThat(request.getHeader("webhook-id")).isEqualTo(givenUp.get("eventId")));
    }
}
