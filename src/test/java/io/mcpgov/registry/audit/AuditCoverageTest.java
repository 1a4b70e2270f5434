package io.mcpgov.registry.audit;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every write operation of the API (each POST, PUT, PATCH and DELETE in the OpenAPI document) writes at least one audit
 * event under its request id when it succeeds. A new write operation fails this test until a scenario for it is
 * added below, which proves its event; an operation that changes nothing must say so in its OpenAPI document
 * ({@code x-audit-event: none}) and be listed in {@link #EXEMPT}.
 */
@QuarkusTest
@RegistryTest
class AuditCoverageTest {

    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");
    private static final Set<String> EXEMPT = Set.of("POST /v0.1/validate",
            "POST " + X + "/servers/{serverName}/versions/{version}/scope-plan",
            "POST " + X + "/servers/{serverName}/versions/{version}/tools-for-scopes");
    private static final String TEAM = "team-coverage";
    private static final String PUBLISHER = Api.publisher("cora", TEAM);

    /** A successful call of one operation, made with the given request id (its set-up uses other ids). */
    private static final Map<String, Function<RequestSpecification, Response>> SCENARIOS = new LinkedHashMap<>();

    static {
        scenario("POST /v0.1/publish", call -> call.body(Docs.oauthRemote(freshServer(), "1.0.0")).post("/v0.1/publish"));
        scenario("PATCH /v0.1/servers/{serverName}/versions/{version}/status", call -> call
                .body(Map.of("status", "deprecated")).patch("/v0.1/servers/" + encode(publishedServer()) + "/versions/1.0.0/status"));
        scenario("PATCH /v0.1/servers/{serverName}/status", call -> call
                .body(Map.of("status", "deprecated")).patch("/v0.1/servers/" + encode(publishedServer()) + "/status"));
        scenario("PUT " + X + "/namespaces/{namespace}", call -> call
                .body(Map.of("owningTeam", TEAM)).put(X + "/namespaces/org.cover" + System.nanoTime()));
        scenario("DELETE " + X + "/namespaces/{namespace}", call -> call
                .delete(X + "/namespaces/" + Api.freshNamespace(TEAM)));
        scenario("POST " + X + "/exceptions", call -> call.body(exceptionRequest(keyedServer())).post(X + "/exceptions"));
        scenario("POST " + X + "/exceptions/{id}/approve", call -> call
                .body(Map.of("reason", "ok")).post(X + "/exceptions/" + pendingException() + "/approve"));
        scenario("POST " + X + "/exceptions/{id}/reject", call -> call
                .body(Map.of("reason", "no")).post(X + "/exceptions/" + pendingException() + "/reject"));
        scenario("POST " + X + "/exceptions/{id}/revoke", call -> call
                .body(Map.of("reason", "leak")).post(X + "/exceptions/" + approvedException() + "/revoke"));
        scenario("POST " + X + "/offboardings", call -> call
                .body(Map.of("subject", "gone-" + System.nanoTime(), "reason", "Left")).post(X + "/offboardings"));
        scenario("PUT " + X + "/ownership/{serverName}/accountable-owner", call -> {
            String member = "member-" + System.nanoTime();
            Api.publishOk(Api.publisher(member, TEAM), Docs.oauthRemote(freshServer(), "1.0.0"));
            return call.body(Map.of("accountableOwner", member, "reason", "Reorganisation"))
                    .put(X + "/ownership/" + encode(publishedServer()) + "/accountable-owner");
        });
        scenario("PUT " + X + "/ownership/{serverName}/contact", call -> call
                .body(Map.of("email", "oncall@example.com")).put(X + "/ownership/" + encode(publishedServer()) + "/contact"));
        scenario("POST " + X + "/decision-flags/{id}/resolve", call -> call
                .body(Map.of("reason", "Still needed")).post(X + "/decision-flags/" + openFlag() + "/resolve"));
        scenario("POST " + X + "/review-campaigns", call -> call.body(Map.of("name", "Coverage", "team", freshTeamWithServer(),
                "dueAt", Instant.now().plus(7, ChronoUnit.DAYS).toString())).post(X + "/review-campaigns"));
        scenario("POST " + X + "/review-campaigns/{id}/items/{serverName}/attest", call -> {
            String[] item = campaignItem();
            return call.body(Map.of()).post(X + "/review-campaigns/" + item[0] + "/items/" + encode(item[1]) + "/attest");
        });
        scenario("POST " + X + "/review-campaigns/{id}/items/{serverName}/flag-changes", call -> {
            String[] item = campaignItem();
            return call.body(Map.of("note", "A scope can go"))
                    .post(X + "/review-campaigns/" + item[0] + "/items/" + encode(item[1]) + "/flag-changes");
        });
        scenario("POST " + X + "/review-campaigns/{id}/close", call -> call
                .post(X + "/review-campaigns/" + campaignItem()[0] + "/close"));
        scenario("POST " + X + "/servers/{serverName}/versions/{version}/verification", call -> call
                .post(X + "/servers/" + encode(publishedServer()) + "/versions/1.0.0/verification"));
        scenario("POST " + X + "/imports", call -> call
                .body("{\"owningTeam\":\"" + TEAM + "\",\"items\":[" + Docs.publicRemote(freshServer(), "1.0.0") + "]}")
                .post(X + "/imports"));
        scenario("POST " + X + "/tool-reviews/{id}/approve", call -> call
                .body(Map.of("reason", "ok")).post(X + "/tool-reviews/" + pendingToolReview() + "/approve"));
        scenario("POST " + X + "/tool-reviews/{id}/reject", call -> call
                .body(Map.of("reason", "no")).post(X + "/tool-reviews/" + pendingToolReview() + "/reject"));
        scenario("POST " + X + "/tool-reviews/{id}/revoke", call -> {
            String id = pendingToolReview();
            as(REVIEWER).body(Map.of("reason", "ok")).post(X + "/tool-reviews/" + id + "/approve").then().statusCode(200);
            return call.body(Map.of("reason", "leak")).post(X + "/tool-reviews/" + id + "/revoke");
        });
        scenario("POST " + X + "/admissions/{id}/admit", call -> call
                .body(Map.of("reason", "ok")).post(X + "/admissions/" + pendingAdmission() + "/admit"));
        scenario("POST " + X + "/admissions/{id}/reject", call -> call
                .body(Map.of("reason", "no")).post(X + "/admissions/" + pendingAdmission() + "/reject"));
        scenario("POST " + X + "/webhooks", call -> {
            Response created = call.body(Map.of("url", "https://hooks.example.com/registry")).post(X + "/webhooks");
            as(ADMIN).delete(X + "/webhooks/" + created.path("id")).then().statusCode(204);
            return created;
        });
        scenario("DELETE " + X + "/webhooks/{id}", call -> call.delete(X + "/webhooks/" + webhook()));
        scenario("POST " + X + "/webhooks/{id}/replay", call -> {
            String id = webhook();
            Response replayed = call.post(X + "/webhooks/" + id + "/replay");
            as(ADMIN).delete(X + "/webhooks/" + id).then().statusCode(204);
            return replayed;
        });
    }

    private static void scenario(String operation, Function<RequestSpecification, Response> call) {
        SCENARIOS.put(operation, call);
    }

    @Test
    void everyWriteOperationRecordsItsChange() {
        Set<String> writes = new TreeSet<>();
        Set<String> exempt = new TreeSet<>();
        Map<String, Map<String, Map<String, Object>>> paths =
                given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (WRITE_METHODS.contains(method)) {
                String key = method.toUpperCase() + " " + path;
                (AuditedOperations.NONE.equals(operation.get(AuditedOperations.EXTENSION)) ? exempt : writes).add(key);
            }
        }));
        assertThat(exempt).as("operations that declare x-audit-event: none").isEqualTo(EXEMPT);
        assertThat(SCENARIOS.keySet()).as("every write operation needs a scenario here that proves its audit event")
                .containsExactlyInAnyOrderElementsOf(writes);

        List<String> silent = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (String operation : writes) {
            String requestId = "coverage-" + System.nanoTime();
            Response response = SCENARIOS.get(operation).apply(as(callerOf(operation)).header("X-Request-Id", requestId));
            assertThat(response.statusCode()).as(operation + ": " + response.asString()).isBetween(200, 299);
            JsonPath events = as(AUDITOR).queryParam("requestId", requestId).get(X + "/audit").then().statusCode(200)
                    .extract().jsonPath();
            List<String> actions = events.getList("events.action");
            if (actions.isEmpty() || actions.contains(DeniedAccessRecorder.ACTION)) {
                silent.add(operation);
            }
            Map<String, List<String>> byTarget = new TreeMap<>();
            List<Map<String, Object>> recorded = events.getList("events");
            for (Map<String, Object> event : recorded) {
                Map<String, Object> target = (Map<String, Object>) event.get("target");
                byTarget.computeIfAbsent(target.get("type") + " " + target.get("id"), k -> new ArrayList<>())
                        .add((String) event.get("action"));
            }
            byTarget.forEach((target, onTarget) -> {
                if (onTarget.size() != 1) {
                    repeated.add(operation + ": " + target + " " + onTarget);
                }
            });
        }
        assertThat(silent).as("write operations that succeeded without an audit event").isEmpty();
        assertThat(repeated).as("changed targets with more than one audit event in one operation").isEmpty();
    }

    /** Who performs each operation in its scenario. */
    private static String callerOf(String operation) {
        if (operation.contains("/namespaces") || operation.contains("/offboardings") || operation.endsWith("/revoke")
                || operation.contains("/accountable-owner") || operation.endsWith("/imports")
                || operation.contains("/webhooks")) {
            return ADMIN;
        }
        if (operation.contains("/approve") || operation.contains("/reject") || operation.contains("/decision-flags")
                || operation.endsWith("/review-campaigns") || operation.endsWith("/close") || operation.endsWith("/admit")) {
            return REVIEWER;
        }
        return PUBLISHER;
    }

    private static String freshServer() {
        return Api.freshNamespace(TEAM) + "/svc";
    }

    private static String publishedServer() {
        String name = freshServer();
        Api.publishOk(PUBLISHER, Docs.oauthRemote(name, "1.0.0"));
        return name;
    }

    private static String keyedServer() {
        String name = freshServer();
        Api.publishOk(PUBLISHER, Docs.apiKeyRemote(name, "1.0.0"));
        return name;
    }

    private static String exceptionRequest(String serverName) {
        return """
                {"serverName":"%s","classification":"transitional","justification":"Vendor has no OAuth yet",
                 "expiresAt":"%s","compensatingControls":{"rotationDays":30,"keyStorage":"vault:kv/mcp",
                 "offboardingOwner":"iam-team"}}""".formatted(serverName, Instant.now().plus(30, ChronoUnit.DAYS));
    }

    private static String pendingException() {
        return as(PUBLISHER).body(exceptionRequest(keyedServer())).post(X + "/exceptions").then().statusCode(201)
                .extract().path("id");
    }

    private static String approvedException() {
        String id = pendingException();
        as(REVIEWER).body(Map.of("reason", "ok")).post(X + "/exceptions/" + id + "/approve").then().statusCode(200);
        return id;
    }

    private static long openFlag() {
        String requester = "flagged-" + System.nanoTime();
        String token = Api.publisher(requester, TEAM);
        String name = freshServer();
        Api.publishOk(token, Docs.apiKeyRemote(name, "1.0.0"));
        as(token).body(exceptionRequest(name)).post(X + "/exceptions").then().statusCode(201);
        return as(ADMIN).body(Map.of("subject", requester, "reason", "Left")).post(X + "/offboardings").then()
                .statusCode(201).extract().jsonPath().getLong("flagged[0].id");
    }

    private static String freshTeamWithServer() {
        String team = "team-cover" + System.nanoTime();
        Api.publishOk(Api.publisher("cora", team), Docs.oauthRemote(Api.freshNamespace(team) + "/svc", "1.0.0"));
        return team;
    }

    /** The review of a destructive tool that a newly published version declares. */
    private static String pendingToolReview() {
        String name = freshServer();
        Api.publishOk(PUBLISHER, Docs.oauthRemote(name, "1.0.0").replace(
                "\"clientRegistration\":{\"mode\":\"client-id-metadata-document\"}}}",
                "\"clientRegistration\":{\"mode\":\"client-id-metadata-document\"}}},"
                        + "\"tools\":[{\"name\":\"delete_forecasts\",\"scopes\":[\"weather.write\"]}]"));
        String id = as(ADMIN).get("/v0.1/servers/" + encode(name) + "/versions/1.0.0").then().statusCode(200)
                .extract().path("_meta.'io.mcpgov.registry/governance'.tools[0].reviewId");
        assertThat(id).as("the destructive tool waits for a review").isNotNull();
        return id;
    }

    private static String webhook() {
        return as(ADMIN).body(Map.of("url", "https://hooks.example.com/registry")).post(X + "/webhooks").then()
                .statusCode(201).extract().path("id");
    }

    /** A new server in a namespace whose admission policy is review. */
    private static String pendingAdmission() {
        String ns = "org.admit" + System.nanoTime();
        as(ADMIN).body(Map.of("owningTeam", TEAM, "admission", "review")).put(X + "/namespaces/" + ns).then().statusCode(200);
        String name = ns + "/svc";
        Api.publishOk(PUBLISHER, Docs.oauthRemote(name, "1.0.0"));
        return as(REVIEWER).queryParam("serverName", encode(name)).get(X + "/admissions").then().statusCode(200)
                .extract().path("admissions[0].id");
    }

    /** {campaign id, server name} of a pending item owned by the scenarios' publisher. */
    private static String[] campaignItem() {
        String team = "team-cover" + System.nanoTime();
        String name = Api.freshNamespace(team) + "/svc";
        Api.publishOk(Api.publisher("cora", team), Docs.oauthRemote(name, "1.0.0"));
        String id = as(REVIEWER).body(Map.of("name", "Coverage", "team", team,
                "dueAt", Instant.now().plus(7, ChronoUnit.DAYS).toString())).post(X + "/review-campaigns")
                .then().statusCode(201).extract().path("id");
        return new String[] {id, name};
    }
}
