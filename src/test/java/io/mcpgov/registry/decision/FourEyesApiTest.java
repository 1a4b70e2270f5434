package io.mcpgov.registry.decision;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.REVIEWER_2;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Sql;
import io.mcpgov.registry.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One four-eyes rule for every decision: for exceptions, tool reviews and admissions, whoever requested the decision,
 * published a version it is about, or owns the server is refused (403, rule four-eyes, the kind of involvement
 * named, the person not), and a reviewer who is no party decides.
 */
@QuarkusTest
@RegistryTest
class FourEyesApiTest {

    private static final String GOV = "_meta.'io.mcpgov.registry/governance'";
    private static final String TEAM = "team-four-eyes";
    /** Publishes each server's first version, so owns it. Every one of these people is also a reviewer. */
    private static final String OLIVIA = Tokens.of("olivia", "publisher", "reviewer", TEAM);
    /** Publishes later versions of servers Olivia owns. */
    private static final String PETER = Tokens.of("peter", "publisher", "reviewer", TEAM);
    /** Requests exceptions; publishes nothing. */
    private static final String QUINCY = Tokens.of("quincy", "publisher", "reviewer", TEAM);
    /** Takes servers over; publishes nothing. */
    private static final String OTTO = Tokens.of("otto", "publisher", "reviewer", TEAM);

    private static final String DELETE = """
            {"name":"delete_alerts","description":"Delete every alert","scopes":["weather.write"]}""";

    /** Refused under the four-eyes rule with exactly these kinds of involvement, without naming {@code subject}. */
    private static void refused(String token, String subject, String path, String... involvements) {
        Response answer = as(token).body(Map.of("reason", "Looks fine to me")).post(path);
        assertThat(answer.statusCode()).isEqualTo(403);
        JsonPath problem = answer.jsonPath();
        assertThat(problem.getList("errors.ruleId", String.class)).containsOnly(FourEyes.RULE_ID);
        assertThat(problem.getList("errors.message", String.class))
                .extracting(message -> message.substring(0, message.indexOf(':')))
                .containsExactlyInAnyOrder(involvements);
        assertThat(answer.asString()).doesNotContain(subject);
    }

    private static void decided(String token, String path) {
        as(token).body(Map.of("reason", "Reviewed by someone with no part in it")).post(path).then().statusCode(200);
    }

    private static void takeOver(String name) {
        as(OTTO).body(Map.of("accountableOwner", "otto", "reason", "I run it now"))
                .put(X + "/ownership/" + encode(name) + "/accountable-owner").then().statusCode(200);
    }

    // ---- exceptions --------------------------------------------------------------------------------------------

    /** An API-key-only server: 1.0.0 by Olivia (its owner), 1.0.1 by Peter. */
    private static String keyedServer() {
        String name = Api.freshNamespace(TEAM) + "/keyed";
        Api.publishOk(OLIVIA, Docs.apiKeyRemote(name, "1.0.0"));
        Api.publishOk(PETER, Docs.apiKeyRemote(name, "1.0.1"));
        return name;
    }

    /** Quincy asks for an exception covering the versions in {@code range}. */
    private static String exception(String serverName, String range) {
        String body = """
                {"serverName":"%s","versionRange":"%s","classification":"transitional",
                 "justification":"Vendor has no OAuth until Q3","expiresAt":"%s",
                 "compensatingControls":{"rotationDays":30,"keyStorage":"vault:kv/mcp",
                   "offboardingOwner":"iam-team"}}"""
                .formatted(serverName, range, Instant.now().plus(30, ChronoUnit.DAYS));
        return as(QUINCY).body(body).post(X + "/exceptions").then().statusCode(201).extract().path("id");
    }

    private static String exceptionPath(String id, String decision) {
        return X + "/exceptions/" + id + "/" + decision;
    }

    @Test
    void anExceptionIsNotDecidedByItsRequester() {
        String id = exception(keyedServer(), ">=1.0.1");
        refused(QUINCY, "quincy", exceptionPath(id, "approve"), "requester");
        refused(QUINCY, "quincy", exceptionPath(id, "reject"), "requester");
        decided(REVIEWER, exceptionPath(id, "approve"));
    }

    @Test
    void anExceptionIsNotDecidedByThePublisherOfAVersionItCovers() {
        String name = keyedServer();
        String id = exception(name, ">=1.0.1");
        refused(PETER, "peter", exceptionPath(id, "approve"), "publisher");
        // a version published in the range while the exception waits is covered too
        String late = Tokens.of("lena", "publisher", "reviewer", TEAM);
        Api.publishOk(late, Docs.apiKeyRemote(name, "1.0.2"));
        refused(late, "lena", exceptionPath(id, "approve"), "publisher");
        decided(REVIEWER, exceptionPath(id, "approve"));
        as(REVIEWER).get(X + "/exceptions/" + id).then().body("coveredVersions", equalTo(List.of("1.0.1", "1.0.2")));
    }

    @Test
    void anExceptionIsNotDecidedByTheServersAccountableOwner() {
        // Olivia published 1.0.0 only, which the range leaves out: she is party as the owner alone
        String id = exception(keyedServer(), ">=1.0.1");
        refused(OLIVIA, "olivia", exceptionPath(id, "reject"), "accountable-owner");
        decided(REVIEWER_2, exceptionPath(id, "reject"));
    }

    // ---- tool reviews ------------------------------------------------------------------------------------------

    private static String withTools(String name, String version, String tools) {
        String registration = "\"clientRegistration\":{\"mode\":\"client-id-metadata-document\"}}}";
        return Docs.oauthRemote(name, version).replace(registration, registration + ",\"tools\":[" + tools + "]");
    }

    /** An OAuth server whose 1.0.0, by Olivia (its owner), carries a destructive tool. */
    private static String toolServer() {
        String name = Api.freshNamespace(TEAM) + "/alerts";
        Api.publishOk(OLIVIA, withTools(name, "1.0.0", DELETE));
        return name;
    }

    private static String toolReview(String name) {
        List<String> ids = as(REVIEWER).queryParam("serverName", encode(name)).get(X + "/tool-reviews").then()
                .statusCode(200).extract().jsonPath().getList("reviews.id", String.class);
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private static String toolPath(String id, String decision) {
        return X + "/tool-reviews/" + id + "/" + decision;
    }

    @Test
    void aPublisherCannotApproveTheToolHeShippedInALaterVersionOfSomeoneElsesServer() {
        String name = toolServer();
        Api.publishOk(PETER, withTools(name, "1.0.1", DELETE));
        as(ADMIN).get("/v0.1/servers/" + encode(name) + "/versions/1.0.1").then().statusCode(200)
                .body(GOV + ".owner.accountableOwner", equalTo("olivia"))
                .body(GOV + ".ownership.publishedBy", equalTo("peter"));
        as(ADMIN).get("/v0.1/servers/" + encode(name) + "/versions/1.0.0").then()
                .body(GOV + ".ownership.publishedBy", equalTo("olivia"));
        String id = toolReview(name);

        refused(PETER, "peter", toolPath(id, "approve"), "publisher");
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/1.0.1").then()
                .body(GOV + ".tools.find { it.name == 'delete_alerts' }.available", equalTo(false));
        decided(REVIEWER, toolPath(id, "approve"));
    }

    @Test
    void aToolReviewIsNotDecidedByWhoeverAskedForIt() {
        String name = toolServer();
        takeOver(name);
        String id = toolReview(name);
        // publishing the version that carries the tool asked for the review
        refused(OLIVIA, "olivia", toolPath(id, "reject"), "requester", "publisher");
        // a review queued before each version recorded its publisher names the owner of the time as its requester
        Sql.update("UPDATE tool_review SET requested_by = 'quincy' WHERE id = ?", UUID.fromString(id));
        refused(QUINCY, "quincy", toolPath(id, "approve"), "requester");
        decided(REVIEWER, toolPath(id, "approve"));
    }

    @Test
    void aToolReviewIsNotDecidedByTheServersAccountableOwner() {
        String name = toolServer();
        takeOver(name);
        String id = toolReview(name);
        refused(OTTO, "otto", toolPath(id, "approve"), "accountable-owner");
        decided(REVIEWER_2, toolPath(id, "approve"));
    }

    // ---- admissions --------------------------------------------------------------------------------------------

    /** A reviewed namespace's server: 1.0.0 by Olivia (its owner) admitted; 2.0.0 by Peter adds OAuth and waits. */
    private static String pendingAdmission() {
        String ns = "com.foureyes" + System.nanoTime();
        as(ADMIN).body(Map.of("owningTeam", TEAM, "admission", "review")).put(X + "/namespaces/" + ns).then()
                .statusCode(200);
        String name = ns + "/weather";
        Api.publishOk(OLIVIA, Docs.publicRemote(name, "1.0.0"));
        decided(REVIEWER, X + "/admissions/" + admission(name, "1.0.0") + "/admit");
        Api.publishOk(PETER, Docs.oauthRemote(name, "2.0.0"));
        return admission(name, "2.0.0");
    }

    private static String admission(String name, String version) {
        return as(REVIEWER).queryParam("serverName", encode(name)).queryParam("state", "pending")
                .get(X + "/admissions").then().statusCode(200).extract().jsonPath()
                .getList("admissions", Map.class).stream().filter(a -> version.equals(a.get("version")))
                .map(a -> (String) a.get("id")).findFirst().orElseThrow();
    }

    private static String admissionPath(String id, String decision) {
        return X + "/admissions/" + id + "/" + decision;
    }

    @Test
    void anAdmissionIsNotDecidedByThePublisherOfTheVersion() {
        String id = pendingAdmission();
        as(REVIEWER).get(X + "/admissions/" + id).then().body("requestedBy", equalTo("peter"));
        refused(PETER, "peter", admissionPath(id, "admit"), "requester", "publisher");
        refused(PETER, "peter", admissionPath(id, "reject"), "requester", "publisher");
        decided(REVIEWER, admissionPath(id, "admit"));
    }

    @Test
    void anAdmissionIsNotDecidedByItsRequester() {
        String id = pendingAdmission();
        // a request recorded before each version kept its publisher names the server's owner of the time
        Sql.update("UPDATE admission_request SET requested_by = 'quincy' WHERE id = ?", UUID.fromString(id));
        refused(QUINCY, "quincy", admissionPath(id, "admit"), "requester");
        decided(REVIEWER, admissionPath(id, "reject"));
    }

    @Test
    void anAdmissionIsNotDecidedByTheServersAccountableOwner() {
        String id = pendingAdmission();
        refused(OLIVIA, "olivia", admissionPath(id, "admit"), "accountable-owner");
        decided(REVIEWER_2, admissionPath(id, "admit"));
    }
}
