package io.mcpgov.registry.audit;

import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Refused writes (401, 403) are audit events of their own; refused reads are not; tokens are never recorded. */
@QuarkusTest
@RegistryTest
class DeniedAccessAuditTest {

    private static String requestId() {
        return "denied-" + System.nanoTime();
    }

    private static JsonPath eventsOf(String requestId) {
        return as(AUDITOR).queryParam("requestId", requestId).get(X + "/audit").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aWriteOutsideTheCallersNamespaceIsRecordedWithWhoAndWhy() {
        String outsider = Api.publisher("olga", "team-elsewhere");
        String ns = Api.freshNamespace("team-owner");
        String id = requestId();
        as(outsider).header("X-Request-Id", id).body(Docs.publicRemote(ns + "/svc", "1.0.0")).post("/v0.1/publish")
                .then().statusCode(403);
        JsonPath events = eventsOf(id);
        assertThat(events.getList("events")).hasSize(1);
        assertThat(events.getString("events[0].action")).isEqualTo("authorization.denied");
        assertThat(events.getString("events[0].actor.subject")).isEqualTo("olga");
        assertThat(events.getList("events[0].actor.roles")).containsExactly("publisher");
        assertThat(events.getString("events[0].target.type")).isEqualTo("operation");
        assertThat(events.getString("events[0].target.id")).isEqualTo("POST /v0.1/publish");
        assertThat(events.getInt("events[0].after.status")).isEqualTo(403);
        assertThat(events.getString("events[0].after.credential")).isEqualTo("accepted");
        assertThat(events.getList("events[0].after.ruleIds")).containsExactly("namespace-not-owned");
        assertThat(events.prettify()).doesNotContain(outsider);
    }

    @Test
    void aRoleRefusalIsRecordedToo() {
        String id = requestId();
        as(AGENT).header("X-Request-Id", id).body(Map.of("owningTeam", "t")).put(X + "/namespaces/org.denied")
                .then().statusCode(403);
        JsonPath events = eventsOf(id);
        assertThat(events.getString("events[0].actor.subject")).isEqualTo("agnes");
        assertThat(events.getString("events[0].target.id")).isEqualTo("PUT " + X + "/namespaces/org.denied");
    }

    @Test
    void unauthenticatedWritesAreRecordedWithoutTheToken() {
        String garbage = "not-a-jwt-" + System.nanoTime();
        for (var attempt : List.of(
                Map.entry(Api.anonymous(), "none"),
                Map.entry(as(garbage), "rejected"))) {
            String id = requestId();
            RequestSpecification spec = attempt.getKey();
            spec.header("X-Request-Id", id).body("{\"reason\":\"x\"}")
                    .post(X + "/exceptions/00000000-0000-0000-0000-000000000001/approve").then().statusCode(401);
            JsonPath events = eventsOf(id);
            assertThat(events.getList("events")).hasSize(1);
            assertThat(events.getString("events[0].actor.subject")).isNull();
            assertThat(events.getList("events[0].actor.roles")).isEmpty();
            assertThat(events.getInt("events[0].after.status")).isEqualTo(401);
            assertThat(events.getString("events[0].after.credential")).isEqualTo(attempt.getValue());
            assertThat(events.prettify()).doesNotContain(garbage);
        }
    }

    @Test
    void refusedReadsAndValidationAreNotWrites() {
        String read = requestId();
        Api.anonymous().header("X-Request-Id", read).get("/v0.1/servers").then().statusCode(401);
        String validate = requestId();
        Api.anonymous().header("X-Request-Id", validate).body(Docs.publicRemote("com.x/y", "1.0.0"))
                .post("/v0.1/validate").then().statusCode(401);
        assertThat(eventsOf(read).getList("events")).isEmpty();
        assertThat(eventsOf(validate).getList("events")).isEmpty();
    }
}
