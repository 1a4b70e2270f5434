package io.mcpgov.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decisions through the console: CSRF tokens, mandatory reasons, four eyes, and the effect on the API. */
@QuarkusTest
@RegistryTest
@QuarkusTestResource(ConsoleIssuer.class)
class ConsoleFormsTest {

    @TestHTTPResource("/")
    URI base;

    private String pendingException(String team) {
        String name = ConsoleFixtures.hiddenServer(team, Api.publisher("pub-f", team));
        return ConsoleFixtures.requestException(Api.publisher("pub-f", team), name);
    }

    private static String team() {
        return "team-f" + System.nanoTime() % 1000000;
    }

    @Test
    void aReviewerApprovesThroughTheConsoleAndAgentsSeeTheServer() {
        String team = team();
        String name = ConsoleFixtures.hiddenServer(team, Api.publisher("pub-f", team));
        String id = ConsoleFixtures.requestException(Api.publisher("pub-f", team), name);
        assertThat(ConsoleFixtures.agentStatus(name)).isEqualTo(404);

        ConsoleSession rey = ConsoleSession.signIn(base, "rey");
        HttpResponse<String> done = rey.post("/console/exceptions/" + id + "/decision",
                Map.of("csrf", rey.csrf("/console/queue"), "decision", "approve", "reason", "Key in vault, rotated monthly"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(ConsoleSession.location(done)).contains("/console/queue?notice=exception-approved");
        ConsoleFixtures.assertState(id, "approved");
        assertThat(ConsoleFixtures.agentStatus(name)).isEqualTo(200);
        Api.as(Api.AUDITOR).get(Api.X + "/audit?targetId=" + id + "&action=exception.approved").then().statusCode(200)
                .body("events[0].actor.subject", org.hamcrest.Matchers.equalTo("rey"))
                .body("events[0].after.decisionReason", org.hamcrest.Matchers.equalTo("Key in vault, rotated monthly"));
        assertThat(rey.get(ConsoleSession.location(done).replace(base.toString(), "/")).body())
                .contains("Exception approved");
    }

    @Test
    void aPostWithoutOrWithAWrongCsrfTokenIsRefused() {
        String id = pendingException(team());
        ConsoleSession rey = ConsoleSession.signIn(base, "rey");
        String path = "/console/exceptions/" + id + "/decision";
        HttpResponse<String> none = rey.post(path, Map.of("decision", "approve", "reason", "ok"));
        assertThat(none.statusCode()).isEqualTo(403);
        assertThat(none.body()).contains("csrf-token-invalid");
        String token = rey.csrf("/console/queue");
        HttpResponse<String> wrong = rey.post(path, Map.of("csrf", token + "x", "decision", "approve", "reason", "ok"));
        assertThat(wrong.statusCode()).isEqualTo(403);
        ConsoleSession ray = ConsoleSession.signIn(base, "ray");
        HttpResponse<String> someoneElses = ray.post(path, Map.of("csrf", token, "decision", "approve", "reason", "ok"));
        assertThat(someoneElses.statusCode()).as("a token is bound to its user and browser").isEqualTo(403);
        HttpResponse<String> notAForm = rey.post(path, Map.of("csrf", token, "decision", "approve", "reason", "ok"),
                "text/plain");
        assertThat(notAForm.statusCode()).isEqualTo(415);
        ConsoleFixtures.assertState(id, "pending");
        HttpResponse<String> logout = rey.post("/console/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(403);
    }

    @Test
    void aReasonIsRequired() {
        String id = pendingException(team());
        ConsoleSession rey = ConsoleSession.signIn(base, "rey");
        HttpResponse<String> blank = rey.post("/console/exceptions/" + id + "/decision",
                Map.of("csrf", rey.csrf("/console/queue"), "decision", "reject", "reason", "  "));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("reason-required");
        ConsoleFixtures.assertState(id, "pending");
    }

    @Test
    void aFieldPostgresqlCannotHoldIsRefusedBeforeTheDecision() {
        String id = pendingException(team());
        ConsoleSession rey = ConsoleSession.signIn(base, "rey");
        HttpResponse<String> nul = rey.post("/console/exceptions/" + id + "/decision",
                Map.of("csrf", rey.csrf("/console/queue"), "decision", "approve", "reason", "Fine\u0000"));
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("nul-character").contains("/reason");
        HttpResponse<String> query = rey.get("/console/servers?search=a%00");
        assertThat(query.statusCode()).isEqualTo(400);
        assertThat(query.body()).contains("nul-character").contains("/search");
        ConsoleFixtures.assertState(id, "pending");
    }

    @Test
    void theRequesterFindsNoButtonsAndTheirDirectPostIsRefused() {
        String team = team();
        String requester = Tokens.of("rex", "publisher", team, "reviewer");
        String name = ConsoleFixtures.hiddenServer(team, requester);
        String id = ConsoleFixtures.requestException(requester, name);

        ConsoleSession rex = ConsoleSession.signIn(base, "rex", "publisher", team, "reviewer");
        HttpResponse<String> queue = rex.get("/console/queue?server=" + ConsoleSession.encode(name));
        assertThat(queue.body()).contains(name).contains("you requested this exception")
                .doesNotContain("/console/exceptions/" + id + "/decision");
        HttpResponse<String> direct = rex.post("/console/exceptions/" + id + "/decision",
                Map.of("csrf", rex.csrf("/console/queue"), "decision", "approve", "reason", "Looks fine to me"));
        assertThat(direct.statusCode()).isEqualTo(403);
        assertThat(direct.body()).contains("four-eyes");
        ConsoleFixtures.assertState(id, "pending");
        assertThat(ConsoleFixtures.agentStatus(name)).isEqualTo(404);
    }

    @Test
    void toolReviewsAreDecidedThroughTheConsoleUnderTheFourEyesRule() {
        String team = team();
        String name = ConsoleFixtures.toolServer(team, Tokens.of("tess", "publisher", team, "reviewer"));
        String review = ConsoleFixtures.pendingToolReview(name);
        String path = "/console/tool-reviews/" + review + "/decision";

        ConsoleSession tess = ConsoleSession.signIn(base, "tess", "publisher", team, "reviewer");
        HttpResponse<String> queue = tess.get("/console/queue?server=" + ConsoleSession.encode(name));
        assertThat(queue.body()).contains("delete_alerts").contains("you published a version").doesNotContain(path);
        HttpResponse<String> own = tess.post(path, Map.of("csrf", tess.csrf("/console/queue"), "decision", "approve",
                "reason", "mine"));
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.body()).contains("four-eyes");

        ConsoleSession rey = ConsoleSession.signIn(base, "rey");
        assertThat(rey.get("/console/queue?server=" + ConsoleSession.encode(name)).body()).contains(path)
                .contains("destructive").contains("a.delete").contains("Delete every alert");
        HttpResponse<String> done = rey.post(path, Map.of("csrf", rey.csrf("/console/queue"), "decision", "approve",
                "reason", "Deletes only the caller's alerts"));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(ConsoleSession.location(done)).contains("notice=tool-approved");
        Api.as(Api.REVIEWER).get(Api.X + "/tool-reviews/" + review).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("approved"))
                .body("decidedBy", org.hamcrest.Matchers.equalTo("rey"));
        assertThat(rey.get("/console/server?name=" + ConsoleSession.encode(name)).body()).contains("delete_alerts")
                .contains("approved").doesNotContain("unavailable");
    }

    @Test
    void reviewersRevokeApprovalsFromTheServerPage() {
        String team = team();
        String name = ConsoleFixtures.hiddenServer(team, Api.publisher("pub-f", team));
        String id = ConsoleFixtures.requestException(Api.publisher("pub-f", team), name);
        Api.as(Api.REVIEWER_2).body(Map.of("reason", "fine")).post(Api.X + "/exceptions/" + id + "/approve").then()
                .statusCode(200);
        String tools = ConsoleFixtures.toolServer(team, Api.publisher("pub-f", team));
        String review = ConsoleFixtures.pendingToolReview(tools);
        Api.as(Api.REVIEWER_2).body(Map.of("reason", "fine")).post(Api.X + "/tool-reviews/" + review + "/approve")
                .then().statusCode(200);
        assertThat(ConsoleFixtures.agentStatus(name)).isEqualTo(200);

        ConsoleSession publisher = ConsoleSession.signIn(base, "pub-f", "publisher", team);
        assertThat(publisher.get("/console/server?name=" + ConsoleSession.encode(name)).body())
                .doesNotContain("/revoke");
        assertThat(publisher.post("/console/exceptions/" + id + "/revoke",
                Map.of("csrf", publisher.csrf("/console/queue"), "reason", "no")).statusCode()).isEqualTo(403);

        ConsoleSession ada = ConsoleSession.signIn(base, "ada");
        String page = ada.get("/console/server?name=" + ConsoleSession.encode(name)).body();
        assertThat(page).contains("/console/exceptions/" + id + "/revoke");
        HttpResponse<String> revoked = ada.post("/console/exceptions/" + id + "/revoke",
                Map.of("csrf", ada.csrf("/console/queue"), "reason", "Key leaked in a ticket"));
        assertThat(revoked.statusCode()).isEqualTo(303);
        assertThat(ConsoleSession.location(revoked)).contains("notice=exception-revoked");
        ConsoleFixtures.assertState(id, "revoked");
        assertThat(ConsoleFixtures.agentStatus(name)).isEqualTo(404);

        assertThat(ada.get("/console/server?name=" + ConsoleSession.encode(tools)).body())
                .contains("/console/tool-reviews/" + review + "/revoke");
        HttpResponse<String> toolRevoked = ada.post("/console/tool-reviews/" + review + "/revoke",
                Map.of("csrf", ada.csrf("/console/queue"), "reason", "Deletes other users' alerts"));
        assertThat(toolRevoked.statusCode()).isEqualTo(303);
        Api.as(Api.REVIEWER).get(Api.X + "/tool-reviews/" + review).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("revoked"));
        HttpResponse<String> again = ada.post("/console/tool-reviews/" + review + "/revoke",
                Map.of("csrf", ada.csrf("/console/queue"), "reason", "twice"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("tool-review-not-approved");
    }

    @Test
    void ownersRequestAnExceptionFromTheOwnersPage() {
        String team = team();
        String name = ConsoleFixtures.hiddenServer(team, Api.publisher("pim", team));
        ConsoleSession pim = ConsoleSession.signIn(base, "pim", "publisher", team);
        assertThat(pim.get("/console/owners").body()).contains("Request an exception");
        String ends = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30).toString();
        Map<String, String> form = new java.util.HashMap<>(Map.of("csrf", pim.csrf("/console/owners"),
                "serverName", name, "classification", "transitional", "ends", ends,
                "justification", "Vendor ships OAuth in Q3", "rotationDays", "30", "keyStorage", "vault:kv/mcp/x",
                "offboardingOwner", "iam-team"));
        form.put("justification", " ");
        HttpResponse<String> refused = pim.post("/console/exceptions", form);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("/justification");
        form.put("justification", "Vendor ships OAuth in Q3");
        HttpResponse<String> done = pim.post("/console/exceptions", form);
        assertThat(done.statusCode()).isEqualTo(303);
        Api.as(Api.REVIEWER).get(Api.X + "/exceptions?state=pending&serverName=" + Api.encode(name)).then()
                .statusCode(200).body("exceptions[0].requestedBy", org.hamcrest.Matchers.equalTo("pim"))
                .body("exceptions[0].compensatingControls.rotationDays", org.hamcrest.Matchers.equalTo(30));
        assertThat(pim.get("/console/owners").body()).contains("Waiting for a reviewer");

        // another team cannot see the hidden server: it answers as a server that does not exist
        ConsoleSession other = ConsoleSession.signIn(base, "pim", "publisher", team + "-x");
        form.put("csrf", other.csrf("/console/owners"));
        assertThat(other.post("/console/exceptions", form).statusCode()).isEqualTo(404);
        form.put("serverName", name + "-absent");
        assertThat(other.post("/console/exceptions", form).statusCode()).isEqualTo(404);
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleSession rey = ConsoleSession.signIn(base, "rey");
        HttpResponse<String> out = rey.post("/console/logout", Map.of("csrf", rey.csrf("/console/queue")));
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(ConsoleSession.location(out)).contains("/logout").contains("post_logout_redirect_uri=");
        assertThat(rey.get("/console/queue").statusCode()).isEqualTo(302);
        assertThat(rey.get("/console/signed-out").body()).contains("You are signed out");
    }
}
