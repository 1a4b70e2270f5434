package io.mcpgov.registry.exception;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.REVIEWER_2;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Sql;
import io.mcpgov.registry.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RegistryTest
class ExceptionLifecycleTest {

    private static final String GOV = "_meta.'io.mcpgov.registry/governance'";
    private static final String TEAM = "team-exc";
    private static final String PUBLISHER = Api.publisher("pat", TEAM);

    private String hiddenServer() {
        String name = Api.freshNamespace(TEAM) + "/keyed";
        Api.publishOk(PUBLISHER, Docs.apiKeyRemote(name, "1.0.0"));
        return name;
    }

    private static String request(String serverName, String range, Instant expiresAt) {
        String rangeField = range == null ? "" : "\"versionRange\":\"" + range + "\",";
        return """
                {"serverName":"%s",%s"classification":"transitional","justification":"Vendor has no OAuth until Q3",
                 "expiresAt":"%s","compensatingControls":{"rotationDays":30,"keyStorage":"vault:kv/mcp/weather",
                 "offboardingOwner":"iam-team"}}""".formatted(serverName, rangeField, expiresAt);
    }

    private static String requestOk(String token, String serverName) {
        return as(token).body(request(serverName, null, Instant.now().plus(30, ChronoUnit.DAYS)))
                .post(X + "/exceptions").then().statusCode(201)
                .body("state", equalTo("pending"))
                .extract().path("id");
    }

    private static void decide(String token, String id, String decision, int status) {
        as(token).body(Map.of("reason", "Compensating controls are adequate")).post(X + "/exceptions/" + id + "/" + decision)
                .then().statusCode(status);
    }

    private static int agentStatus(String name) {
        return as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().extract().statusCode();
    }

    @Test
    void approvedExceptionListsTheServerWithItsClassificationAndExpiry() {
        String name = hiddenServer();
        String id = requestOk(PUBLISHER, name);
        assertThat(agentStatus(name)).isEqualTo(404);

        decide(PUBLISHER, id, "approve", 403);
        decide(REVIEWER, id, "approve", 200);

        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().statusCode(200)
                .body(GOV + ".listed", equalTo(true))
                .body(GOV + ".apiKeyOnly", equalTo(true))
                .body(GOV + ".exception.id", equalTo(id))
                .body(GOV + ".exception.classification", equalTo("transitional"))
                .body(GOV + ".exception.expiresAt", notNullValue());
        assertThat(as(AGENT).queryParam("search", encode(name)).get("/v0.1/servers").then().extract()
                .jsonPath().getList("servers")).hasSize(1);
    }

    @Test
    void theRequesterCanNeverDecideNotEvenAsReviewerOrAdmin() {
        String name = hiddenServer();
        String everything = Tokens.of("pat", "publisher", "reviewer", "admin", TEAM);
        String id = requestOk(everything, name);
        as(everything).body(Map.of("reason", "mine")).post(X + "/exceptions/" + id + "/approve").then().statusCode(403)
                .body("errors[0].ruleId", equalTo("four-eyes"));
        as(everything).body(Map.of("reason", "mine")).post(X + "/exceptions/" + id + "/reject").then().statusCode(403);
        decide(REVIEWER, id, "approve", 200);
    }

    @Test
    void expiryHidesTheServerOnTheNextReadWithNoJob() throws Exception {
        String name = hiddenServer();
        String id = requestOk(PUBLISHER, name);
        Sql.endExceptionIn(id, 2);
        decide(REVIEWER, id, "approve", 200);
        assertThat(agentStatus(name)).isEqualTo(200);
        assertThat(agentStatus(name)).isEqualTo(200);

        Thread.sleep(2500);

        assertThat(agentStatus(name)).isEqualTo(404);
        as(REVIEWER).get(X + "/exceptions/" + id).then().statusCode(200).body("state", equalTo("expired"));
        decide(ADMIN, id, "revoke", 409);
    }

    @Test
    void revocationHidesTheServerAtOnceAndIsFinal() {
        String name = hiddenServer();
        String id = requestOk(PUBLISHER, name);
        decide(REVIEWER, id, "approve", 200);
        assertThat(agentStatus(name)).isEqualTo(200);

        as(ADMIN).body(Map.of("reason", "Key leaked")).post(X + "/exceptions/" + id + "/revoke").then().statusCode(200)
                .body("state", equalTo("revoked"))
                .body("revocationReason", equalTo("Key leaked"));
        assertThat(agentStatus(name)).isEqualTo(404);
        decide(REVIEWER, id, "revoke", 409);
        decide(REVIEWER, id, "approve", 409);

        // renewal is a new request
        String renewal = requestOk(PUBLISHER, name);
        assertThat(renewal).isNotEqualTo(id);
    }

    @Test
    void rejectionKeepsTheServerHidden() {
        String name = hiddenServer();
        String id = requestOk(PUBLISHER, name);
        decide(REVIEWER, id, "reject", 200);
        assertThat(agentStatus(name)).isEqualTo(404);
        decide(REVIEWER_2, id, "approve", 409);
        as(REVIEWER).get(X + "/exceptions/" + id).then().body("state", equalTo("rejected"))
                .body("decidedBy", equalTo("rey"));
    }

    @Test
    void aDecisionNeedsAReason() {
        String id = requestOk(PUBLISHER, hiddenServer());
        as(REVIEWER).body(Map.of("reason", "  ")).post(X + "/exceptions/" + id + "/approve").then().statusCode(400)
                .body("errors[0].ruleId", equalTo("reason-required"));
        as(REVIEWER).body("{}").post(X + "/exceptions/" + id + "/approve").then().statusCode(400);
    }

    @Test
    void concurrentDecisionsLeaveOneDecision() throws Exception {
        String id = requestOk(PUBLISHER, hiddenServer());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String token : List.of(REVIEWER, REVIEWER_2, REVIEWER, REVIEWER_2)) {
                calls.add(() -> as(token).body(Map.of("reason", "ok")).post(X + "/exceptions/" + id + "/approve")
                        .then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnlyOnce(200).filteredOn(s -> s == 409).hasSize(3);
        } finally {
            pool.shutdown();
        }
        as(AUDITOR).queryParam("targetId", id).queryParam("action", "exception.approved").get(X + "/audit").then()
                .body("events.size()", equalTo(1));
    }

    @Test
    void aVersionRangeCoversExistingAndFutureVersionsInside() {
        String name = Api.freshNamespace(TEAM) + "/ranged";
        Api.publishOk(PUBLISHER, Docs.apiKeyRemote(name, "1.0.0"));
        String id = as(PUBLISHER).body(request(name, ">=1.0.0 <2.0.0", Instant.now().plus(10, ChronoUnit.DAYS)))
                .post(X + "/exceptions").then().statusCode(201)
                .body("coveredVersions", equalTo(List.of("1.0.0")))
                .extract().path("id");
        decide(REVIEWER, id, "approve", 200);
        Api.publishOk(PUBLISHER, Docs.apiKeyRemote(name, "1.5.0"));
        Api.publishOk(PUBLISHER, Docs.apiKeyRemote(name, "2.0.0"));

        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/1.5.0").then().statusCode(200);
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/2.0.0").then().statusCode(404);
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().statusCode(404);
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions").then().statusCode(200)
                .body("servers.server.version", equalTo(List.of("1.5.0", "1.0.0")));
    }

    @Test
    void requestsAreCheckedWhole() {
        String name = hiddenServer();
        String tooFar = request(name, null, Instant.now().plus(91, ChronoUnit.DAYS));
        as(PUBLISHER).body(tooFar).post(X + "/exceptions").then().statusCode(422)
                .body("errors.ruleId", hasItem("end-too-far"));
        as(PUBLISHER).body(request(name, null, Instant.now().minus(1, ChronoUnit.DAYS))).post(X + "/exceptions")
                .then().statusCode(422).body("errors.ruleId", hasItem("end-in-past"));
        as(PUBLISHER).body(Map.of("serverName", name, "classification", "forever")).post(X + "/exceptions")
                .then().statusCode(422)
                .body("errors.path", hasItem("/classification"))
                .body("errors.path", hasItem("/justification"))
                .body("errors.path", hasItem("/compensatingControls"));
        String permanent = """
                {"serverName":"%s","classification":"permanent","justification":"No delegated flow exists",
                 "reviewBy":"%s","compensatingControls":{"rotationDays":90,"keyStorage":"HSM","offboardingOwner":"iam"}}"""
                .formatted(name, Instant.now().plus(200, ChronoUnit.DAYS));
        as(PUBLISHER).body(permanent).post(X + "/exceptions").then().statusCode(201)
                .body("classification", equalTo("permanent"))
                .body("reviewBy", notNullValue());
        as(PUBLISHER).body(request(name, "not a range!", Instant.now().plus(5, ChronoUnit.DAYS))).post(X + "/exceptions")
                .then().statusCode(422).body("errors.ruleId", hasItem("version-range-invalid"));
        as(PUBLISHER).body("{broken").post(X + "/exceptions").then().statusCode(400);
    }

    @Test
    void onlyTheOwningTeamRequestsAndOnlyForServersThatNeedIt() {
        String name = hiddenServer();
        // the server is hidden from another team, so it answers as a name that does not exist
        as(Api.publisher("oscar", "team-other")).body(request(name, null, Instant.now().plus(5, ChronoUnit.DAYS)))
                .post(X + "/exceptions").then().statusCode(404)
                .body("detail", equalTo("Server not found."));
        as(PUBLISHER).body(request(name + "-absent", null, Instant.now().plus(5, ChronoUnit.DAYS)))
                .post(X + "/exceptions").then().statusCode(404);
        String open = Api.freshNamespace(TEAM) + "/open";
        Api.publishOk(PUBLISHER, Docs.oauthRemote(open, "1.0.0"));
        as(PUBLISHER).body(request(open, null, Instant.now().plus(5, ChronoUnit.DAYS))).post(X + "/exceptions")
                .then().statusCode(422).body("errors[0].ruleId", equalTo("exception-not-needed"));
    }

    @Test
    void theQueueShowsPendingFirstOldestFirstAndPublishersOnlyTheirTeams() {
        String first = requestOk(PUBLISHER, hiddenServer());
        String second = requestOk(PUBLISHER, hiddenServer());
        String decided = requestOk(PUBLISHER, hiddenServer());
        decide(REVIEWER, decided, "reject", 200);

        List<String> queue = as(REVIEWER).queryParam("limit", 200).get(X + "/exceptions").then().statusCode(200)
                .extract().jsonPath().getList("exceptions.id", String.class);
        assertThat(queue.indexOf(first)).isLessThan(queue.indexOf(second));
        assertThat(queue.indexOf(second)).isLessThan(queue.indexOf(decided));

        List<String> pending = as(REVIEWER).queryParam("state", "pending").queryParam("limit", 200).get(X + "/exceptions")
                .then().extract().jsonPath().getList("exceptions.state", String.class);
        assertThat(pending).isNotEmpty().containsOnly("pending");

        as(Api.publisher("oscar", "team-other")).get(X + "/exceptions").then().statusCode(200)
                .body("exceptions.size()", equalTo(0));
        as(Api.publisher("oscar", "team-other")).get(X + "/exceptions/" + first).then().statusCode(404);
        as(REVIEWER).queryParam("state", "sleeping").get(X + "/exceptions").then().statusCode(400);
        as(REVIEWER).get(X + "/exceptions/" + UUID.randomUUID()).then().statusCode(404);
        as(REVIEWER).get(X + "/exceptions/not-a-uuid").then().statusCode(404);
    }

    @Test
    void everyStepIsAudited() {
        String id = requestOk(PUBLISHER, hiddenServer());
        decide(REVIEWER, id, "approve", 200);
        decide(ADMIN, id, "revoke", 200);
        List<String> actions = as(AUDITOR).queryParam("targetType", "exception").queryParam("targetId", id)
                .get(X + "/audit").then().statusCode(200).extract().jsonPath().getList("events.action", String.class);
        assertThat(actions).containsExactly("exception.requested", "exception.approved", "exception.revoked");
        as(AUDITOR).queryParam("targetId", id).queryParam("action", "exception.approved").get(X + "/audit").then()
                .body("events[0].actor.subject", equalTo("rey"))
                .body("events[0].before.state", equalTo("pending"))
                .body("events[0].after.state", equalTo("approved"))
                .body("events[0].after.decisionReason", equalTo("Compensating controls are adequate"));
    }
}
