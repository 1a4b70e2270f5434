package io.mcpgov.registry.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.EmbeddedPostgresResource;
import io.mcpgov.registry.support.PausableProxy;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A database that stops answering, and one whose lock a request cannot get: every request answers 503 with a problem
 * document and {@code Retry-After} within the documented bound, readiness reports DOWN while the database does not
 * answer, and the registry serves again by itself once it does.
 */
@QuarkusTest
@RegistryTest
class DatabaseFaultTest {

    /** The documented bound: every request is answered within it while the database does not answer. */
    static final Duration BOUND = Duration.ofSeconds(5);
    private static final String TEAM = "team-fault";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(BOUND).build();

    @TestHTTPResource("/")
    URI base;

    @Test
    void aDatabaseThatStopsAnsweringMakesEveryRequestA503WithinTheBoundAndTheRegistryRecoversByItself() throws Exception {
        String ns = Api.freshNamespace(TEAM);
        String publisher = Api.publisher("pat", TEAM);
        Api.publishOk(publisher, Docs.publicRemote(ns + "/steady", "1.0.0"));
        assertThat(call("GET", "/q/health/ready", null, null).status()).isEqualTo(200);

        PausableProxy database = EmbeddedPostgresResource.proxy();
        database.pause();
        try {
            unavailable(call("GET", "/v0.1/servers?search=" + unseen(), Api.AGENT, null), "a discovery read missing the cache");
            unavailable(call("POST", "/v0.1/publish", publisher, Docs.publicRemote(ns + "/steady", "2.0.0")), "a publish");
            unavailable(call("GET", Api.X + "/exceptions", Api.REVIEWER, null), "a registry extension read");

            Answer ready = call("GET", "/q/health/ready", null, null);
            assertThat(ready.status()).as("readiness while the database does not answer").isEqualTo(503);
            assertThat(ready.json().path("status").asText()).isEqualTo("DOWN");
            assertThat(call("GET", "/q/health/live", null, null).status()).as("liveness is not the database's").isEqualTo(200);
        } finally {
            database.resume();
        }

        awaitReady();
        assertThat(call("POST", "/v0.1/publish", publisher, Docs.publicRemote(ns + "/steady", "3.0.0")).status())
                .as("a publish once the database answers again").isEqualTo(200);
        assertThat(call("GET", "/v0.1/servers?search=" + ns, Api.AGENT, null).json().path("servers").size())
                .as("a discovery read once the database answers again").isEqualTo(2);
        assertThat(call("GET", Api.X + "/exceptions", Api.REVIEWER, null).status()).isEqualTo(200);
    }

    @Test
    void aLockHeldTooLongMakesTheRequestsThatNeedItA503WithinTheBound() throws Exception {
        String ns = Api.freshNamespace(TEAM);
        String publisher = Api.publisher("pia", TEAM);
        Api.publishOk(publisher, Docs.publicRemote(ns + "/locked", "1.0.0"));

        // straight to PostgreSQL, as another client would: a transaction that holds the table of server versions
        try (Connection holder = DriverManager.getConnection(EmbeddedPostgresResource.directUrl(), "postgres", "")) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("LOCK TABLE server_version IN ACCESS EXCLUSIVE MODE");
            }
            unavailable(call("POST", "/v0.1/publish", publisher, Docs.publicRemote(ns + "/locked", "2.0.0")), "a publish");
            unavailable(call("GET", "/v0.1/servers?search=" + unseen(), Api.AGENT, null), "a discovery read missing the cache");
            assertThat(call("GET", "/q/health/ready", null, null).status()).as("the database itself answers").isEqualTo(200);
            holder.rollback();
        }

        assertThat(call("POST", "/v0.1/publish", publisher, Docs.publicRemote(ns + "/locked", "2.0.0")).status())
                .as("a publish once the lock is released").isEqualTo(200);
    }

    private static void unavailable(Answer answer, String what) {
        assertThat(answer.status()).as(what + ": status").isEqualTo(503);
        assertThat(answer.contentType()).as(what + ": content type").startsWith("application/problem+json");
        assertThat(answer.retryAfter()).as(what + ": Retry-After").isNotBlank();
        assertThat(answer.json().path("status").asInt()).as(what + ": problem status").isEqualTo(503);
        assertThat(answer.body()).as(what + ": no stack trace").doesNotContain("Exception").doesNotContain(".java:");
    }

    /** Ready again within a generous time (the pool reconnects); a check that never turns UP fails the test. */
    private void awaitReady() throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (call("GET", "/q/health/ready", null, null).status() != 200) {
            if (System.nanoTime() > until) {
                fail("readiness did not turn UP again after the database answered");
            }
            Thread.sleep(100);
        }
    }

    private static String unseen() {
        return "q" + UUID.randomUUID().toString().replace("-", "");
    }

    /** One request; no answer within {@link #BOUND} fails the test. */
    private Answer call(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(BOUND)
                .header("Accept", "application/json, application/problem+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(""), response.body());
        } catch (HttpTimeoutException e) {
            return fail(method + " " + path + " had no answer within " + BOUND.toSeconds() + " s");
        }
    }

    private record Answer(int status, String contentType, String retryAfter, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
