package io.mcpgov.registry.tool;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.REVIEWER_2;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static io.mcpgov.registry.tool.ToolDocs.DELETE;
import static io.mcpgov.registry.tool.ToolDocs.GET;
import static io.mcpgov.registry.tool.ToolDocs.GOV;
import static io.mcpgov.registry.tool.ToolDocs.SET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Destructive tools: the queue, four-eyes approval, carry-over and reset across versions, rejection, revocation. */
@QuarkusTest
@RegistryTest
class ToolReviewApiTest {

    private static final String TEAM = "team-tool-review";
    private static final String PUBLISHER = Api.publisher("pat", TEAM);

    private static String server(String leaf) {
        return Api.freshNamespace(TEAM) + "/" + leaf;
    }

    private static JsonPath tools(String name, String version) {
        return as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/" + version).then().statusCode(200)
                .extract().jsonPath().setRootPath(GOV);
    }

    private static Map<String, Object> tool(String name, String version, String tool) {
        List<Map<String, Object>> all = tools(name, version).getList("tools");
        return all.stream().filter(t -> tool.equals(t.get("name"))).findFirst().orElseThrow();
    }

    private static String reviewId(String name, String version, String tool) {
        return (String) tool(name, version, tool).get("reviewId");
    }

    private static void decide(String token, String id, String decision, int status) {
        as(token).body(Map.of("reason", "Scoped and reversible from backups")).post(X + "/tool-reviews/" + id + "/" + decision)
                .then().statusCode(status);
    }

    @Test
    void aDestructiveToolBecomesAvailableOnceAnotherReviewerApprovesIt() {
        String name = server("approve");
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.0", GET, DELETE));
        String id = reviewId(name, "1.0.0", "delete_alerts");

        as(REVIEWER).get(X + "/tool-reviews/" + id).then().statusCode(200)
                .body("state", equalTo("pending"))
                .body("serverName", equalTo(name))
                .body("toolName", equalTo("delete_alerts"))
                .body("classification", equalTo("destructive"))
                .body("reasons", equalTo(List.of("destructive")))
                .body("requiresApproval", equalTo(true))
                .body("available", equalTo(false))
                .body("versions", equalTo(List.of("1.0.0")))
                .body("definition.description", equalTo("Delete every alert"))
                .body("requestedBy", equalTo("pat"));

        as(REVIEWER).body(Map.of("reason", "Deletion is limited to the caller's alerts")).post(X + "/tool-reviews/" + id + "/approve")
                .then().statusCode(200)
                .body("state", equalTo("approved"))
                .body("available", equalTo(true))
                .body("decidedBy", equalTo("rey"))
                .body("decisionReason", equalTo("Deletion is limited to the caller's alerts"));
        assertThat(tool(name, "1.0.0", "delete_alerts")).containsEntry("approval", "approved").containsEntry("available", true);

        JsonPath audit = as(AUDITOR).queryParam("targetId", id).get(X + "/audit").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("events.action")).containsExactly("tool-review.requested", "tool-review.approved");
        assertThat(audit.getString("events[1].actor.subject")).isEqualTo("rey");
        assertThat(audit.getString("events[1].before.state")).isEqualTo("pending");
        assertThat(audit.getString("events[1].after.state")).isEqualTo("approved");
    }

    @Test
    void fourEyesThePublisherOfTheToolCannotDecideItWhateverTheirRoles() {
        String both = Tokens.of("rex", "publisher", "reviewer", TEAM);
        String name = server("foureyes");
        Api.publishOk(both, ToolDocs.oauth(name, "1.0.0", DELETE));
        String id = reviewId(name, "1.0.0", "delete_alerts");
        for (String decision : List.of("approve", "reject")) {
            as(both).body(Map.of("reason", "mine")).post(X + "/tool-reviews/" + id + "/" + decision).then().statusCode(403)
                    .body("errors[0].ruleId", equalTo("four-eyes"));
        }
        // a later version with the same definition, published by someone else, does not clear rex either
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.1", DELETE));
        as(both).body(Map.of("reason", "mine")).post(X + "/tool-reviews/" + id + "/approve").then().statusCode(403);
        as(PUBLISHER).body(Map.of("reason", "x")).post(X + "/tool-reviews/" + id + "/approve").then().statusCode(403);
        decide(REVIEWER_2, id, "approve", 200);
    }

    @Test
    void aDecisionNeedsAReasonAndOnlyPendingReviewsCanBeDecided() {
        String name = server("reason");
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.0", DELETE));
        String id = reviewId(name, "1.0.0", "delete_alerts");
        as(REVIEWER).body(Map.of("reason", " ")).post(X + "/tool-reviews/" + id + "/approve").then().statusCode(400)
                .body("errors[0].ruleId", equalTo("reason-required"));
        as(REVIEWER).body("{}").post(X + "/tool-reviews/" + id + "/reject").then().statusCode(400);
        decide(REVIEWER, id, "approve", 200);
        as(REVIEWER_2).body(Map.of("reason", "again")).post(X + "/tool-reviews/" + id + "/reject").then().statusCode(409)
                .body("errors[0].ruleId", equalTo("tool-review-not-pending"));
        as(REVIEWER).body(Map.of("reason", "x")).post(X + "/tool-reviews/00000000-0000-0000-0000-0000000000aa/approve")
                .then().statusCode(404);
        as(REVIEWER).body(Map.of("reason", "x")).post(X + "/tool-reviews/not-a-uuid/approve").then().statusCode(404);
    }

    @Test
    void anApprovalCarriesOverOnlyWhileTheDefinitionAndScopesStayTheSame() {
        String name = server("carry");
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.0", GET, SET, DELETE));
        String deleteReview = reviewId(name, "1.0.0", "delete_alerts");
        decide(REVIEWER, deleteReview, "approve", 200);

        // unchanged: carried over, no new review
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.1.0", GET, SET, DELETE));
        assertThat(tool(name, "1.1.0", "delete_alerts")).containsEntry("approval", "approved")
                .containsEntry("available", true).containsEntry("reviewId", deleteReview);
        as(REVIEWER).queryParam("serverName", name).queryParam("state", "pending").get(X + "/tool-reviews").then()
                .body("reviews", equalTo(List.of()));

        // set_alert becomes destructive: pending, unavailable, and listed as more dangerous
        String setDestructive = "{\"name\":\"set_alert\",\"description\":\"Create an alert\",\"scopes\":[\"w.write\"]}";
        as(PUBLISHER).body(ToolDocs.oauth(name, "1.2.0", GET, setDestructive, DELETE)).post("/v0.1/publish").then()
                .statusCode(200)
                .body(GOV + ".toolChanges.moreDangerous[0].name", equalTo("set_alert"));
        assertThat(tool(name, "1.2.0", "set_alert")).containsEntry("approval", "pending").containsEntry("available", false);
        assertThat(tool(name, "1.2.0", "delete_alerts")).containsEntry("approval", "approved");

        // delete_alerts changes scopes: a new review, pending; the old versions keep their approval
        String deleteWider = "{\"name\":\"delete_alerts\",\"description\":\"Delete every alert\",\"scopes\":[\"w.delete\",\"w.write\"]}";
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.3.0", GET, setDestructive, deleteWider));
        Map<String, Object> wider = tool(name, "1.3.0", "delete_alerts");
        assertThat(wider).containsEntry("approval", "pending").containsEntry("available", false);
        assertThat(wider.get("reviewId")).isNotEqualTo(deleteReview);
        assertThat(tool(name, "1.1.0", "delete_alerts")).containsEntry("approval", "approved");

        // a changed description alone also needs a new approval
        String deleteReworded = "{\"name\":\"delete_alerts\",\"description\":\"Delete alerts\",\"scopes\":[\"w.delete\"]}";
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.4.0", GET, deleteReworded));
        assertThat(tool(name, "1.4.0", "delete_alerts")).containsEntry("approval", "pending");

        // the queue: pending reviews of this server, oldest first
        as(REVIEWER).queryParam("serverName", name).queryParam("state", "pending").get(X + "/tool-reviews").then()
                .statusCode(200)
                .body("reviews.toolName", equalTo(List.of("set_alert", "delete_alerts", "delete_alerts")))
                .body("reviews.versions", equalTo(List.of(List.of("1.2.0", "1.3.0"), List.of("1.3.0"), List.of("1.4.0"))));
    }

    @Test
    void aRejectedToolStaysUnavailableAndPublishingItAgainAsksAgain() {
        String name = server("reject");
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.0", DELETE));
        String id = reviewId(name, "1.0.0", "delete_alerts");
        decide(REVIEWER, id, "reject", 200);
        assertThat(tool(name, "1.0.0", "delete_alerts")).containsEntry("approval", "rejected").containsEntry("available", false);

        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.1", DELETE));
        assertThat(tool(name, "1.0.1", "delete_alerts")).containsEntry("approval", "pending").containsEntry("reviewId", id);
        as(REVIEWER).get(X + "/tool-reviews/" + id).then().body("state", equalTo("pending"))
                .body("decidedBy", equalTo(null));
        as(AUDITOR).queryParam("targetId", id).get(X + "/audit").then()
                .body("events.action", equalTo(List.of("tool-review.requested", "tool-review.rejected", "tool-review.requested")));
    }

    @Test
    void aRejectedFlaggedToolBecomesUnavailable() {
        String name = server("flagged");
        String admin = "{\"name\":\"admin_console\",\"annotations\":{\"destructiveHint\":false},\"scopes\":[\"w.admin\"]}";
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.0", admin));
        assertThat(tool(name, "1.0.0", "admin_console")).containsEntry("available", true);
        decide(REVIEWER, reviewId(name, "1.0.0", "admin_console"), "reject", 200);
        assertThat(tool(name, "1.0.0", "admin_console")).containsEntry("approval", "rejected").containsEntry("available", false);
    }

    @Test
    void revokingAnApprovalMakesTheToolUnavailableInEveryVersionAtOnce() {
        String name = server("revoke");
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.0", DELETE));
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.1.0", DELETE));
        String id = reviewId(name, "1.0.0", "delete_alerts");
        as(ADMIN).body(Map.of("reason", "x")).post(X + "/tool-reviews/" + id + "/revoke").then().statusCode(409)
                .body("errors[0].ruleId", equalTo("tool-review-not-approved"));
        decide(REVIEWER, id, "approve", 200);
        assertThat(tool(name, "1.1.0", "delete_alerts")).containsEntry("available", true);

        as(ADMIN).body(Map.of("reason", "Incident 4711")).post(X + "/tool-reviews/" + id + "/revoke").then().statusCode(200)
                .body("state", equalTo("revoked"))
                .body("revokedBy", equalTo("ada"))
                .body("revocationReason", equalTo("Incident 4711"));
        assertThat(tool(name, "1.0.0", "delete_alerts")).containsEntry("approval", "revoked").containsEntry("available", false);
        assertThat(tool(name, "1.1.0", "delete_alerts")).containsEntry("approval", "revoked").containsEntry("available", false);
        as(AUDITOR).queryParam("targetId", id).queryParam("action", "tool-review.revoked").get(X + "/audit").then()
                .body("events.size()", equalTo(1))
                .body("events[0].before.state", equalTo("approved"))
                .body("events[0].after.state", equalTo("revoked"));
        decide(REVIEWER_2, id, "revoke", 409);
    }

    @Test
    void concurrentDecisionsLeaveOneDecision() throws Exception {
        String name = server("race");
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.0", DELETE));
        String id = reviewId(name, "1.0.0", "delete_alerts");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (String token : List.of(REVIEWER, REVIEWER_2, REVIEWER, REVIEWER_2)) {
                String decision = token.equals(REVIEWER) ? "approve" : "reject";
                calls.add(() -> as(token).body(Map.of("reason", "ok")).post(X + "/tool-reviews/" + id + "/" + decision)
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
        List<String> actions = as(AUDITOR).queryParam("targetId", id).get(X + "/audit").then().extract().jsonPath()
                .getList("events.action");
        assertThat(actions).hasSize(2).startsWith("tool-review.requested");
    }

    @Test
    void publishersSeeTheirTeamsReviewsOnlyAndTheQueueFiltersAreChecked() {
        String name = server("visibility");
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.0", DELETE));
        String id = reviewId(name, "1.0.0", "delete_alerts");
        as(PUBLISHER).get(X + "/tool-reviews/" + id).then().statusCode(200);
        as(Api.publisher("oz", "team-other")).get(X + "/tool-reviews/" + id).then().statusCode(404);
        as(Api.publisher("oz", "team-other")).queryParam("serverName", name).get(X + "/tool-reviews").then()
                .statusCode(200).body("reviews", equalTo(List.of()));
        as(AUDITOR).queryParam("serverName", name).get(X + "/tool-reviews").then().statusCode(200)
                .body("reviews.id", equalTo(List.of(id)));
        as(REVIEWER).queryParam("state", "not-required").get(X + "/tool-reviews").then().statusCode(400);
        as(REVIEWER).queryParam("limit", "0").get(X + "/tool-reviews").then().statusCode(400);
    }
}
