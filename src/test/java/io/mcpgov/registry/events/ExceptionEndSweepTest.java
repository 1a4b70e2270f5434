package io.mcpgov.registry.events;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sweep that announces ended exceptions (each second in the tests): an approved exception whose end passed is
 * announced once, by one {@code exception.expired} event and one audit event by the registry, with the listing
 * change of the version it covered; a revoked or still pending one whose end passes is not announced as expired.
 */
@QuarkusTest
@RegistryTest
class ExceptionEndSweepTest {

    private static final String TEAM = "team-sweep";
    private static final String PUBLISHER = Api.publisher("pat", TEAM);

    private static String requested(String name) {
        Api.publishOk(PUBLISHER, Docs.apiKeyRemote(name, "1.0.0"));
        return as(PUBLISHER).body("""
                {"serverName":"%s","classification":"transitional","justification":"Vendor migrates to OAuth",
                 "expiresAt":"%s","compensatingControls":{"rotationDays":30,"keyStorage":"vault","offboardingOwner":"iam"}}"""
                .formatted(name, Instant.now().plus(5, ChronoUnit.DAYS))).post(X + "/exceptions").then().statusCode(201)
                .extract().path("id");
    }

    private static String approved(String name) {
        String id = requested(name);
        as(REVIEWER).body(Map.of("reason", "ok")).post(X + "/exceptions/" + id + "/approve").then().statusCode(200);
        return id;
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

    /** The events about a server after {@code start}, from every page that follows. */
    private static List<Map<String, Object>> eventsAfter(long start, String serverName) {
        List<Map<String, Object>> found = new java.util.ArrayList<>();
        long cursor = start;
        while (true) {
            JsonPath page = as(AUDITOR).queryParam("limit", 1000).queryParam("cursor", cursor).get(X + "/events").then()
                    .statusCode(200).extract().jsonPath();
            page.getList("events", Map.class).stream().map(e -> (Map<String, Object>) e)
                    .filter(e -> serverName.equals(e.get("subject"))).forEach(found::add);
            String next = page.getString("metadata.nextCursor");
            if (next == null) {
                return found;
            }
            cursor = Long.parseLong(next);
        }
    }

    private static List<Map<String, Object>> ofType(List<Map<String, Object>> events, String type) {
        return events.stream().filter(e -> type.equals(e.get("type"))).toList();
    }

    private static List<Object> auditedExpiries(String id) {
        return as(AUDITOR).queryParam("targetId", id).queryParam("action", "exception.expired").get(X + "/audit").then()
                .statusCode(200).extract().jsonPath().getList("events");
    }

    @Test
    void anEndedExceptionIsAnnouncedOnceWithItsListingChange() throws InterruptedException {
        long start = feedHead();
        String name = Api.freshNamespace(TEAM) + "/ending";
        String id = approved(name);
        Sql.endExceptionIn(id, 1);
        List<Map<String, Object>> expired = List.of();
        for (int i = 0; i < 100 && expired.isEmpty(); i++) {
            Thread.sleep(100);
            expired = ofType(eventsAfter(start, name), EventTypes.EXCEPTION_EXPIRED);
        }
        Thread.sleep(2500); // two more sweeps: nothing is announced twice
        List<Map<String, Object>> events = eventsAfter(start, name);
        expired = ofType(events, EventTypes.EXCEPTION_EXPIRED);
        assertThat(expired).hasSize(1);
        Map<String, Object> data = (Map<String, Object>) expired.get(0).get("data");
        assertThat(data).containsEntry("id", id).containsEntry("serverName", name)
                .containsEntry("classification", "transitional").containsEntry("state", "expired")
                .containsKey("expiresAt");
        assertThat(Instant.parse((String) data.get("expiresAt"))).isBefore(Instant.now());

        List<Map<String, Object>> hidden = ofType(events, EventTypes.ENTRY_HIDDEN);
        assertThat(hidden).last().satisfies(e -> assertThat((Map<String, Object>) e.get("data"))
                .containsEntry("version", "1.0.0").containsEntry("listed", false)
                .containsEntry("reasons", List.of("api-key-only")).containsEntry("cause", "exception.expired"));
        assertThat(events.indexOf(hidden.get(hidden.size() - 1))).isGreaterThan(events.indexOf(expired.get(0)));

        List<Object> audited = auditedExpiries(id);
        assertThat(audited).hasSize(1);
        assertThat(as(AUDITOR).queryParam("targetId", id).queryParam("action", "exception.expired").get(X + "/audit")
                .then().extract().jsonPath().getString("events[0].actor.subject")).isEqualTo("system:registry");
    }

    @Test
    void revokedAndPendingExceptionsAreNotAnnouncedAsExpired() throws InterruptedException {
        long start = feedHead();
        String ns = Api.freshNamespace(TEAM);
        String revokedName = ns + "/revoked";
        String revoked = approved(revokedName);
        as(ADMIN).body(Map.of("reason", "leaked")).post(X + "/exceptions/" + revoked + "/revoke").then().statusCode(200);
        String pendingName = ns + "/pending";
        String pending = requested(pendingName);
        Sql.endExceptionIn(revoked, 1);
        Sql.endExceptionIn(pending, 1);
        Thread.sleep(3500); // the ends passed, and two sweeps ran since
        assertThat(ofType(eventsAfter(start, revokedName), EventTypes.EXCEPTION_EXPIRED)).isEmpty();
        assertThat(ofType(eventsAfter(start, pendingName), EventTypes.EXCEPTION_EXPIRED)).isEmpty();
        assertThat(auditedExpiries(revoked)).isEmpty();
        assertThat(auditedExpiries(pending)).isEmpty();
    }
}
