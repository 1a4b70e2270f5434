package io.mcpgov.registry.ownership;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Offboarding hides what the person owned, flags what they requested or decided, says so, and deletes nothing. */
@QuarkusTest
@RegistryTest
class OffboardingTest {

    private static final String GOV = "_meta.'io.mcpgov.registry/governance'";

    private static String exceptionRequest(String serverName) {
        return """
                {"serverName":"%s","classification":"transitional","justification":"Vendor has no OAuth yet",
                 "expiresAt":"%s","compensatingControls":{"rotationDays":30,"keyStorage":"vault:kv/mcp",
                 "offboardingOwner":"iam-team"}}""".formatted(serverName, Instant.now().plus(30, ChronoUnit.DAYS));
    }

    private static String approvedException(String requester, String reviewer, String serverName) {
        String id = as(requester).body(exceptionRequest(serverName)).post(X + "/exceptions").then().statusCode(201)
                .extract().path("id");
        as(reviewer).body(Map.of("reason", "Controls are adequate")).post(X + "/exceptions/" + id + "/approve")
                .then().statusCode(200);
        return id;
    }

    private static int agentStatus(String name) {
        return as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().extract().statusCode();
    }

    private static JsonPath offboard(String subject, int status, String requestId) {
        return as(ADMIN).header("X-Request-Id", requestId).body(Map.of("subject", subject, "reason", "Left the company"))
                .post(X + "/offboardings").then().statusCode(status).extract().jsonPath();
    }

    @Test
    void theLeaversServersAreHiddenFlaggedAndReportedUntilTheTeamTakesThemOver() {
        String team = "team-leave" + System.nanoTime();
        String leaver = "leaver-" + System.nanoTime();
        String leaverToken = Api.publisher(leaver, team);
        String ns = Api.freshNamespace(team);
        String oauth = ns + "/oauth";
        String keyed = ns + "/keyed";
        Api.publishOk(leaverToken, Docs.oauthRemote(oauth, "1.0.0"));
        Api.publishOk(leaverToken, Docs.apiKeyRemote(keyed, "1.0.0"));
        String exceptionId = approvedException(leaverToken, REVIEWER, keyed);
        assertThat(agentStatus(oauth)).isEqualTo(200);
        assertThat(agentStatus(keyed)).isEqualTo(200);

        String requestId = "offboard-" + System.nanoTime();
        JsonPath answer = offboard(leaver, 201, requestId);
        assertThat(answer.getString("subject")).isEqualTo(leaver);
        assertThat(answer.getBoolean("alreadyOffboarded")).isFalse();
        assertThat(answer.getList("orphanedServers.name")).containsExactly(keyed, oauth);
        assertThat(answer.getList("orphanedServers.owningTeam")).containsOnly(team);
        assertThat(answer.getList("flagged.targetType")).containsExactly("exception");
        assertThat(answer.getList("flagged.targetId")).containsExactly(exceptionId);
        assertThat(answer.getList("flagged.role")).containsExactly("requested");
        assertThat(answer.getList("flagged.state")).containsExactly("open");

        // hidden from agents everywhere, on the next read
        assertThat(agentStatus(oauth)).isEqualTo(404);
        assertThat(agentStatus(keyed)).isEqualTo(404);
        as(AGENT).queryParam("search", encode(ns)).get("/v0.1/servers").then().statusCode(200).body("servers.size()", equalTo(0));
        // the team still sees them, with the reason; nothing was deleted
        as(Api.publisher("pia", team)).get("/v0.1/servers/" + encode(oauth) + "/versions/latest").then().statusCode(200)
                .body(GOV + ".listed", equalTo(false))
                .body(GOV + ".reasons.ruleId", hasItem("owner-offboarded"))
                .body(GOV + ".ownership.orphaned", equalTo(true))
                .body(GOV + ".owner.accountableOwner", equalTo(leaver));
        as(REVIEWER).get(X + "/exceptions/" + exceptionId).then().statusCode(200)
                .body("state", equalTo("approved"))
                .body("needsNewDecision", equalTo(true));

        // every change of the offboarding is in the trail under its request id
        JsonPath events = as(AUDITOR).queryParam("requestId", requestId).queryParam("limit", 100).get(X + "/audit")
                .then().statusCode(200).extract().jsonPath();
        assertThat(events.getList("events.action", String.class)).containsExactly("decision.flagged", "server.orphaned",
                "server.orphaned", "subject.offboarded");
        assertThat(events.getList("events.target.id", String.class)).containsExactly(exceptionId, keyed, oauth, leaver);

        // webhook subscribers and the event feed hear of it: the offboarding per server, and the versions it hid
        JsonPath feed = as(AUDITOR).queryParam("type", "io.mcpgov.registry.owner.offboarded").queryParam("limit", 1000)
                .get(X + "/events").then().statusCode(200).extract().jsonPath();
        assertThat(feed.getList("events.findAll { it.data.subject == '" + leaver + "' }.subject"))
                .containsExactlyInAnyOrder(keyed, oauth);
        JsonPath hidden = as(AUDITOR).queryParam("type", "io.mcpgov.registry.entry.hidden").queryParam("limit", 1000)
                .get(X + "/events").then().statusCode(200).extract().jsonPath();
        assertThat(hidden.getList("events.findAll { it.subject == '" + oauth + "' }.data.cause"))
                .containsExactly("subject.offboarded");

        // a member of the owning team takes one over: listed again
        String successor = "successor-" + System.nanoTime();
        as(Api.publisher(successor, team)).body(Map.of("accountableOwner", successor, "reason", "Taking over"))
                .put(X + "/ownership/" + encode(oauth) + "/accountable-owner").then().statusCode(200)
                .body("orphaned", equalTo(false));
        assertThat(agentStatus(oauth)).isEqualTo(200);
        assertThat(agentStatus(keyed)).isEqualTo(404);
        JsonPath listed = as(AUDITOR).queryParam("type", "io.mcpgov.registry.entry.listed").queryParam("limit", 1000)
                .get(X + "/events").then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("events.findAll { it.subject == '" + oauth + "' }.data.cause"))
                .containsExactly("server.published", "ownership.taken-over");
        as(AGENT).get("/v0.1/servers/" + encode(oauth) + "/versions/latest").then()
                .body(GOV + ".ownership.orphaned", equalTo(false));
    }

    @Test
    void offboardingTwiceChangesNothingAndAnswersTheCurrentEffect() {
        String team = "team-twice" + System.nanoTime();
        String leaver = "twice-" + System.nanoTime();
        String name = Api.freshNamespace(team) + "/svc";
        Api.publishOk(Api.publisher(leaver, team), Docs.oauthRemote(name, "1.0.0"));
        offboard(leaver, 201, "first-" + System.nanoTime());
        String again = "again-" + System.nanoTime();
        JsonPath second = offboard(leaver, 200, again);
        assertThat(second.getBoolean("alreadyOffboarded")).isTrue();
        assertThat(second.getString("offboardedBy")).isEqualTo("ada");
        assertThat(second.getList("orphanedServers.name")).containsExactly(name);
        as(AUDITOR).queryParam("requestId", again).get(X + "/audit").then().body("events.size()", equalTo(0));
        assertThat(as(AUDITOR).queryParam("action", "subject.offboarded").queryParam("targetId", leaver)
                .get(X + "/audit").then().extract().jsonPath().getList("events")).hasSize(1);
    }

    @Test
    void anApprovalByAnOffboardedReviewerKeepsCoveringButNeedsANewDecision() {
        String team = "team-rev" + System.nanoTime();
        String owner = Api.publisher("owner-" + System.nanoTime(), team);
        String reviewer = "reviewer-" + System.nanoTime();
        String name = Api.freshNamespace(team) + "/keyed";
        Api.publishOk(owner, Docs.apiKeyRemote(name, "1.0.0"));
        String exceptionId = approvedException(owner, Tokens.of(reviewer, "reviewer"), name);

        JsonPath answer = offboard(reviewer, 201, "rev-" + System.nanoTime());
        assertThat(answer.getList("orphanedServers")).isEmpty();
        assertThat(answer.getList("flagged.role")).containsExactly("decided");

        assertThat(agentStatus(name)).isEqualTo(200);
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then()
                .body(GOV + ".exception.id", equalTo(exceptionId));
        as(owner).queryParam("serverName", name).get(X + "/exceptions").then().statusCode(200)
                .body("exceptions[0].needsNewDecision", equalTo(true));

        // a reviewer records the new decision: the flag is resolved, the exception stands
        long flagId = as(REVIEWER).queryParam("subject", reviewer).get(X + "/decision-flags").then().statusCode(200)
                .extract().jsonPath().getLong("flags[0].id");
        as(REVIEWER).body(Map.of("reason", "Still needed; controls re-checked")).post(X + "/decision-flags/" + flagId + "/resolve")
                .then().statusCode(200).body("state", equalTo("resolved")).body("resolvedBy", equalTo("rey"));
        as(REVIEWER).body(Map.of("reason", "again")).post(X + "/decision-flags/" + flagId + "/resolve").then().statusCode(409);
        as(REVIEWER).get(X + "/exceptions/" + exceptionId).then().body("needsNewDecision", nullValue());
        as(REVIEWER).queryParam("subject", reviewer).get(X + "/decision-flags").then().body("flags.size()", equalTo(0));
        as(REVIEWER).queryParam("subject", reviewer).queryParam("state", "resolved").get(X + "/decision-flags").then()
                .body("flags.size()", equalTo(1));
        assertThat(agentStatus(name)).isEqualTo(200);
    }

    @Test
    void aToolApprovalByAnOffboardedReviewerIsFlaggedAndTheToolStaysAvailable() {
        String team = "team-tool" + System.nanoTime();
        String name = Api.freshNamespace(team) + "/tools";
        Api.publishOk(Api.publisher("owner-" + System.nanoTime(), team), Docs.oauthRemote(name, "1.0.0").replace(
                "\"clientRegistration\":{\"mode\":\"client-id-metadata-document\"}}}",
                "\"clientRegistration\":{\"mode\":\"client-id-metadata-document\"}}},"
                        + "\"tools\":[{\"name\":\"delete_forecasts\",\"scopes\":[\"weather.write\"]}]"));
        String path = "/v0.1/servers/" + encode(name) + "/versions/1.0.0";
        String reviewId = as(ADMIN).get(path).then().extract().path(GOV + ".tools[0].reviewId");
        String reviewer = "tool-reviewer-" + System.nanoTime();
        as(Tokens.of(reviewer, "reviewer")).body(Map.of("reason", "Scoped and reversible"))
                .post(X + "/tool-reviews/" + reviewId + "/approve").then().statusCode(200);

        JsonPath answer = offboard(reviewer, 201, "tool-" + System.nanoTime());
        assertThat(answer.getList("flagged.targetType")).containsExactly("tool-review");
        assertThat(answer.getList("flagged.targetId")).containsExactly(reviewId);
        assertThat(answer.getList("flagged.role")).containsExactly("decided");
        assertThat(answer.getList("flagged.serverName")).containsExactly(name);
        as(AGENT).get(path).then().statusCode(200).body(GOV + ".tools[0].available", equalTo(true));
    }

    @Test
    void endedExceptionsAreNotFlaggedAndAnUnknownSubjectIsRecordedAllTheSame() {
        String team = "team-ended" + System.nanoTime();
        String leaver = "ended-" + System.nanoTime();
        String token = Api.publisher(leaver, team);
        String name = Api.freshNamespace(team) + "/keyed";
        Api.publishOk(token, Docs.apiKeyRemote(name, "1.0.0"));
        String revoked = approvedException(token, REVIEWER, name);
        as(ADMIN).body(Map.of("reason", "Key leaked")).post(X + "/exceptions/" + revoked + "/revoke").then().statusCode(200);
        JsonPath answer = offboard(leaver, 201, "ended-" + System.nanoTime());
        assertThat(answer.getList("flagged")).isEmpty();
        assertThat(answer.getList("orphanedServers.name")).containsExactly(name);

        JsonPath nobody = offboard("never-seen-" + System.nanoTime(), 201, "nobody-" + System.nanoTime());
        assertThat(nobody.getList("orphanedServers")).isEmpty();
        assertThat(nobody.getList("flagged")).isEmpty();
    }

    @Test
    void subjectAndReasonAreRequired() {
        as(ADMIN).body(Map.of("subject", "someone")).post(X + "/offboardings").then().statusCode(400)
                .body("errors[0].ruleId", equalTo("reason-required"));
        as(ADMIN).body(Map.of("reason", "Left")).post(X + "/offboardings").then().statusCode(400)
                .body("errors[0].ruleId", equalTo("subject-required"));
        as(ADMIN).body("").post(X + "/offboardings").then().statusCode(not(equalTo(500)));
        as(REVIEWER).queryParam("state", "sometimes").get(X + "/decision-flags").then().statusCode(400);
        as(REVIEWER).body(Map.of("reason", "x")).post(X + "/decision-flags/999999999/resolve").then().statusCode(404);
        as(REVIEWER).body(Map.of("reason", "x")).post(X + "/decision-flags/abc/resolve").then().statusCode(404);
        as(REVIEWER).body(List.of()).post(X + "/decision-flags/1/resolve").then().statusCode(400);
    }
}
