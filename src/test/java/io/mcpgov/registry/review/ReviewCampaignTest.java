package io.mcpgov.registry.review;

import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A campaign from start to close: owners attest or flag changes, reviewers follow progress, overdue is flagged. */
@QuarkusTest
@RegistryTest
class ReviewCampaignTest {

    @Inject
    AgroalDataSource dataSource;

    static String campaign(String token, String team, Instant due) {
        return as(token).body(Map.of("name", "Q3 access review", "dueAt", due.toString(), "team", team))
                .post(X + "/review-campaigns").then().statusCode(201).extract().path("id");
    }

    static String exceptionRequest(String serverName) {
        return """
                {"serverName":"%s","classification":"transitional","justification":"Vendor has no OAuth yet",
                 "expiresAt":"%s","compensatingControls":{"rotationDays":30,"keyStorage":"vault:kv/mcp",
                 "offboardingOwner":"iam-team"}}""".formatted(serverName, Instant.now().plus(30, ChronoUnit.DAYS));
    }

    static void makeOverdue(AgroalDataSource dataSource, String campaignId, int daysLate) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            String due = "now() - interval '" + daysLate + " days'";
            s.executeUpdate("UPDATE review_campaign SET due_at = " + due + " WHERE id = '" + campaignId + "'");
            s.executeUpdate("UPDATE review_item SET due_at = " + due + " WHERE campaign_id = '" + campaignId + "'");
        }
    }

    private static String answer(String token, String campaign, String server, String action, Map<String, ?> body,
            int status) {
        return as(token).body(body).post(X + "/review-campaigns/" + campaign + "/items/" + encode(server) + "/" + action)
                .then().statusCode(status).extract().asString();
    }

    @Test
    void aCampaignRunsEndToEnd() throws SQLException {
        String team = "team-review" + System.nanoTime();
        String pat = Api.publisher("pat", team);
        String pia = Api.publisher("pia", team);
        String ns = Api.freshNamespace(team);
        String oauth = ns + "/oauth";
        String keyed = ns + "/keyed";
        String other = ns + "/other";
        Api.publishOk(pat, Docs.oauthRemote(oauth, "1.0.0"));
        Api.publishOk(pat, Docs.oauthRemote(oauth, "1.1.0"));
        Api.publishOk(pat, Docs.apiKeyRemote(keyed, "1.0.0"));
        Api.publishOk(pia, Docs.oauthRemote(other, "1.0.0"));
        String exceptionId = as(pat).body(exceptionRequest(keyed)).post(X + "/exceptions").then().statusCode(201)
                .extract().path("id");
        as(REVIEWER).body(Map.of("reason", "ok")).post(X + "/exceptions/" + exceptionId + "/approve").then().statusCode(200);

        String id = campaign(REVIEWER, team, Instant.now().plus(14, ChronoUnit.DAYS));
        as(REVIEWER).get(X + "/review-campaigns/" + id).then().statusCode(200)
                .body("state", equalTo("open"))
                .body("team", equalTo(team))
                .body("progress.total", equalTo(3))
                .body("progress.pending", equalTo(3))
                .body("owners.accountableOwner", contains("pat", "pia"))
                .body("owners.total", contains(2, 1));

        // what each owner re-attests: the latest version's scopes and exceptions
        JsonPath items = as(REVIEWER).get(X + "/review-campaigns/" + id + "/items").then().statusCode(200).extract().jsonPath();
        assertThat(items.getList("items.serverName")).containsExactly(keyed, oauth, other);
        assertThat(items.getString("items[1].version")).isEqualTo("1.1.0");
        assertThat(items.getList("items[1].facts.scopes.supported")).containsExactly("weather.read", "weather.write");
        assertThat(items.getList("items[1].facts.scopes.required")).containsExactly("weather.read");
        assertThat(items.getList("items[0].facts.exceptions.id")).containsExactly(exceptionId);
        assertThat(items.getList("items.state")).containsOnly("pending");
        // owners see their team's items
        as(pia).get(X + "/review-campaigns/" + id + "/items").then().statusCode(200).body("items.size()", equalTo(3));
        as(Api.publisher("olga", "team-other")).get(X + "/review-campaigns/" + id + "/items").then().statusCode(200)
                .body("items.size()", equalTo(0));

        // the accountable owner answers; nobody else may
        String requestId = "attest-" + System.nanoTime();
        as(pat).header("X-Request-Id", requestId).body(Map.of("note", "All still needed"))
                .post(X + "/review-campaigns/" + id + "/items/" + encode(oauth) + "/attest").then().statusCode(200)
                .body("state", equalTo("attested"))
                .body("respondedBy", equalTo("pat"))
                .body("attestedVersion", equalTo("1.1.0"))
                .body("facts.scopes.required", contains("weather.read"));
        JsonPath events = as(AUDITOR).queryParam("requestId", requestId).get(X + "/audit").then().extract().jsonPath();
        assertThat(events.getString("events[0].action")).isEqualTo("review-item.attested");
        assertThat(events.getString("events[0].target.id")).isEqualTo(id + "/" + oauth);
        assertThat(events.getString("events[0].after.state")).isEqualTo("attested");
        assertThat(events.getList("events[0].after.facts.scopes.required")).containsExactly("weather.read");

        answer(pat, id, keyed, "flag-changes", Map.of(), 400);
        answer(pat, id, keyed, "flag-changes", Map.of("note", "The exception can go: OAuth ships next month"), 200);
        assertThat(answer(pia, id, oauth, "attest", Map.of(), 403)).contains("not-accountable-owner");
        answer(REVIEWER, id, other, "attest", Map.of(), 403);
        answer(pat, id, "com.absent/none", "attest", Map.of(), 404);

        as(REVIEWER).get(X + "/review-campaigns/" + id).then()
                .body("progress.pending", equalTo(1))
                .body("progress.attested", equalTo(1))
                .body("progress.changesNeeded", equalTo(1))
                .body("progress.overdue", equalTo(0))
                .body("owners.find { it.accountableOwner == 'pat' }.attested", equalTo(1))
                .body("owners.find { it.accountableOwner == 'pat' }.changesNeeded", equalTo(1))
                .body("owners.find { it.accountableOwner == 'pia' }.pending", equalTo(1));
        as(REVIEWER).queryParam("state", "changes-needed").get(X + "/review-campaigns/" + id + "/items").then()
                .body("items.serverName", contains(keyed))
                .body("items[0].note", equalTo("The exception can go: OAuth ships next month"));

        // past the due date, pia's server is overdue; by default that flags it but does not hide it
        makeOverdue(dataSource, id, 3);
        as(AUDITOR).get(X + "/review-campaigns/" + id).then().body("progress.overdue", equalTo(1))
                .body("owners.find { it.accountableOwner == 'pia' }.overdue", equalTo(1));
        as(REVIEWER).queryParam("overdue", "true").get(X + "/review-campaigns/" + id + "/items").then()
                .body("items.serverName", contains(other)).body("items[0].overdue", equalTo(true));
        as(AGENT).get("/v0.1/servers/" + encode(other) + "/versions/latest").then().statusCode(200);
        as(AUDITOR).get(X + "/review-campaigns").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.progress.overdue", equalTo(1));

        // closing ends the answers
        as(REVIEWER).post(X + "/review-campaigns/" + id + "/close").then().statusCode(200)
                .body("state", equalTo("closed")).body("closedBy", equalTo("rey"));
        answer(pia, id, other, "attest", Map.of(), 409);
        as(REVIEWER).post(X + "/review-campaigns/" + id + "/close").then().statusCode(409);
    }

    @Test
    void campaignsNeedANameAFutureDueDateAndSomethingToReview() {
        as(REVIEWER).body(Map.of("dueAt", Instant.now().minus(1, ChronoUnit.DAYS).toString())).post(X + "/review-campaigns")
                .then().statusCode(422)
                .body("errors.ruleId", contains("required", "due-in-past"));
        as(REVIEWER).body(Map.of("name", "n", "dueAt", Instant.now().plus(400, ChronoUnit.DAYS).toString()))
                .post(X + "/review-campaigns").then().statusCode(422).body("errors[0].ruleId", equalTo("due-too-far"));
        as(REVIEWER).body(Map.of("name", "n", "dueAt", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "team", "team-without-servers")).post(X + "/review-campaigns").then().statusCode(422)
                .body("errors[0].ruleId", equalTo("campaign-empty"));
        as(REVIEWER).get(X + "/review-campaigns/not-a-uuid").then().statusCode(404);
        as(REVIEWER).queryParam("state", "maybe").queryParam("limit", "0")
                .get(X + "/review-campaigns/00000000-0000-0000-0000-000000000000/items").then().statusCode(400)
                .body("errors.size()", equalTo(2));
    }
}
