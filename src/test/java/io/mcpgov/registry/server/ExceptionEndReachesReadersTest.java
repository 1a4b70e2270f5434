package io.mcpgov.registry.server;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.Metrics;
import io.mcpgov.registry.support.ProductionSettings;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An exception's end and its revocation reach every discovery read at once, although each answer was being served
 * from the read cache just before: lists, searches and lookups answer from memory only while nothing that decides
 * listing has changed. The sweep that announces ended exceptions does not run in this profile, so the end is seen
 * through the listing horizon alone.
 */
@QuarkusTest
@RegistryTest
@TestProfile(ProductionSettings.class)
class ExceptionEndReachesReadersTest {

    private static final String TEAM = "team-cache-gate";
    private static final String PUBLISHER = Api.publisher("pat", TEAM);

    /** An API-key-only server whose exception, approved, ends at {@code end}; returns the exception's id. */
    private static String coveredUntil(String name, Instant end) {
        Api.publishOk(PUBLISHER, Docs.apiKeyRemote(name, "1.0.0"));
        String id = as(PUBLISHER).body("""
                {"serverName":"%s","classification":"transitional","justification":"Vendor migrates to OAuth",
                 "expiresAt":"%s","compensatingControls":{"rotationDays":30,"keyStorage":"vault","offboardingOwner":"iam"}}"""
                .formatted(name, end)).post(X + "/exceptions").then().statusCode(201).extract().path("id");
        as(REVIEWER).body(Map.of("reason", "Key kept in the vault")).post(X + "/exceptions/" + id + "/approve").then()
                .statusCode(200);
        return id;
    }

    private static List<String> reads(String name) {
        String server = "/v0.1/servers/" + encode(name);
        return List.of("/v0.1/servers?search=" + encode(name), server + "/versions", server + "/versions/1.0.0",
                server + "/versions/latest", "/v0/servers/" + encode(name) + "/versions/latest");
    }

    private static double hits() {
        return Metrics.count("registry_read_cache_total", "hit");
    }

    /** Reads {@code url} until a read is answered from the cache (the first one computes it), and checks it lists. */
    private static void servedFromCache(String url, String name) {
        for (int attempt = 0; attempt < 5; attempt++) {
            assertListed(as(AGENT).get(url), url, name);
            double before = hits();
            assertListed(as(AGENT).get(url), url, name);
            if (hits() - before == 1) {
                return;
            }
        }
        throw new AssertionError(url + " was never answered from the read cache");
    }

    private static void assertListed(Response response, String url, String name) {
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        List<String> names = response.jsonPath().get("servers") != null
                ? response.jsonPath().getList("servers.server.name", String.class)
                : List.of(response.jsonPath().getString("server.name"));
        assertThat(names).as(url).isNotEmpty().containsOnly(name);
    }

    private static void assertHidden(String url, String name) {
        Response response = as(AGENT).get(url);
        if (url.contains("?search=")) {
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            assertThat(response.jsonPath().getList("servers")).as(url).isEmpty();
        } else {
            assertThat(response.statusCode()).as(url).isEqualTo(404);
        }
        assertThat(response.asString()).as(url).doesNotContain(name);
    }

    private static long generation() {
        return ((Number) Sql.query("SELECT generation FROM registry_generation WHERE id = 1")).longValue();
    }

    @Test
    void anExceptionThatEndsHidesTheServerAtThatMomentOnEveryRead() throws InterruptedException {
        String name = Api.freshNamespace(TEAM) + "/ending";
        Instant end = Instant.now().plusSeconds(12);
        coveredUntil(name, end);
        for (String url : reads(name)) {
            servedFromCache(url, name);
        }
        long generation = generation();
        while (Instant.now().isBefore(end.plusMillis(100))) {
            Thread.sleep(50);
        }
        for (String url : reads(name)) {
            assertHidden(url, name);
        }
        assertThat(generation()).as("nothing was written: the end itself is what readers see").isEqualTo(generation);
    }

    @Test
    void aRevokedExceptionHidesTheServerOnTheNextRead() {
        String name = Api.freshNamespace(TEAM) + "/revoked";
        String id = coveredUntil(name, Instant.now().plusSeconds(30 * 86400));
        for (String url : reads(name)) {
            servedFromCache(url, name);
        }
        as(ADMIN).body(Map.of("reason", "The key leaked")).post(X + "/exceptions/" + id + "/revoke").then()
                .statusCode(200);
        for (String url : reads(name)) {
            assertHidden(url, name);
        }
    }
}
