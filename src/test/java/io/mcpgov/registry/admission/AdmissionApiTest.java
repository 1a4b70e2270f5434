package io.mcpgov.registry.admission;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RegistryTest
class AdmissionApiTest {

    private static final String GOV = "_meta.'io.mcpgov.registry/governance'";
    private static final String TEAM = "team-admit";
    private static final String PUBLISHER = Api.publisher("pat", TEAM);

    private static String reviewedNamespace() {
        String ns = "com.review" + System.nanoTime();
        as(ADMIN).body(Map.of("owningTeam", TEAM, "admission", "review")).put(X + "/namespaces/" + ns).then()
                .statusCode(200).body("admission", equalTo("review"));
        return ns;
    }

    private static String pendingId(String name, String version) {
        return as(REVIEWER).queryParam("serverName", encode(name)).get(X + "/admissions").then().statusCode(200)
                .extract().jsonPath().getList("admissions", Map.class).stream()
                .filter(a -> a.get("version").equals(version)).map(a -> (String) a.get("id")).findFirst().orElseThrow();
    }

    private static void decide(String token, String id, String decision, int status) {
        as(token).body(Map.of("reason", "reviewed")).post(X + "/admissions/" + id + "/" + decision).then().statusCode(status);
    }

    private static String oauthWithTools(String name, String version, String tools) {
        return Docs.oauthRemote(name, version).replace("\"clientRegistration\":{\"mode\":\"client-id-metadata-document\"}}}",
                "\"clientRegistration\":{\"mode\":\"client-id-metadata-document\"}}},\"tools\":" + tools);
    }

    @Test
    void aNewServerWaitsForAReviewerOtherThanItsPublisher() {
        String name = reviewedNamespace() + "/weather";
        as(PUBLISHER).body(Docs.oauthRemote(name, "1.0.0")).post("/v0.1/publish").then().statusCode(200)
                .body(GOV + ".listed", equalTo(false))
                .body(GOV + ".reasons.ruleId", equalTo(List.of("admission-pending")))
                .body(GOV + ".admission.state", equalTo("pending"))
                .body("_meta.'io.modelcontextprotocol.registry/official'.isLatest", equalTo(false));
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().statusCode(404);

        String id = pendingId(name, "1.0.0");
        JsonPath request = as(REVIEWER).get(X + "/admissions/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(request.getList("widening.rule", String.class)).containsExactly("new-server");
        assertThat(request.getString("baselineVersion")).isNull();

        as(Tokens.of("pat", "publisher", "reviewer", TEAM)).body(Map.of("reason", "mine"))
                .post(X + "/admissions/" + id + "/admit").then().statusCode(403)
                .body("errors.ruleId", everyItem(equalTo("four-eyes")))
                .body("errors.message", hasItem(startsWith("publisher:")));
        decide(PUBLISHER, id, "admit", 403);
        decide(REVIEWER, id, "admit", 200);
        decide(Api.REVIEWER_2, id, "reject", 409);

        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().statusCode(200)
                .body("server.version", equalTo("1.0.0"))
                .body(GOV + ".admission", nullValue());
        as(Api.AUDITOR).queryParam("targetId", id).get(X + "/audit").then()
                .body("events.action", equalTo(List.of("admission.requested", "admission.admitted")));
    }

    @Test
    void aWideningVersionWaitsWhileAgentsKeepTheLastAdmittedOneAndTheReviewerSeesTheDifference() {
        String name = reviewedNamespace() + "/alerts";
        String v1 = oauthWithTools(name, "1.0.0", "[{\"name\":\"get\",\"annotations\":{\"readOnlyHint\":true},\"scopes\":[\"weather.read\"]}]");
        Api.publishOk(PUBLISHER, v1);
        decide(REVIEWER, pendingId(name, "1.0.0"), "admit", 200);

        String v2 = oauthWithTools(name, "2.0.0", "[{\"name\":\"get\",\"annotations\":{\"readOnlyHint\":true},\"scopes\":[\"weather.read\"]},"
                + "{\"name\":\"purge\",\"scopes\":[\"weather.write\"]}]");
        Api.publishOk(PUBLISHER, v2);
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().statusCode(200)
                .body("server.version", equalTo("1.0.0"));
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/2.0.0").then().statusCode(404);

        String id = pendingId(name, "2.0.0");
        JsonPath request = as(REVIEWER).get(X + "/admissions/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(request.getString("baselineVersion")).isEqualTo("1.0.0");
        assertThat(request.getList("widening.rule", String.class)).contains("tool-added");
        assertThat(request.getList("diff.path", String.class)).contains("/version",
                "/_meta/io.mcpgov.registry~1governance/tools/1");

        decide(REVIEWER, id, "reject", 200);
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().body("server.version", equalTo("1.0.0"));
        as(PUBLISHER).get("/v0.1/servers/" + encode(name) + "/versions/2.0.0").then()
                .body(GOV + ".reasons.ruleId", equalTo(List.of("admission-rejected")));
    }

    @Test
    void aNarrowerVersionPassesAtOnce() {
        String name = reviewedNamespace() + "/narrow";
        String wide = oauthWithTools(name, "1.0.0", "[{\"name\":\"get\",\"annotations\":{\"readOnlyHint\":true},\"scopes\":[\"weather.read\"]},"
                + "{\"name\":\"purge\",\"scopes\":[\"weather.write\"]}]");
        Api.publishOk(PUBLISHER, wide);
        decide(REVIEWER, pendingId(name, "1.0.0"), "admit", 200);
        String narrow = oauthWithTools(name, "1.1.0", "[{\"name\":\"get\",\"annotations\":{\"readOnlyHint\":true},\"scopes\":[\"weather.read\"]}]");
        as(PUBLISHER).body(narrow).post("/v0.1/publish").then().statusCode(200)
                .body(GOV + ".admission", nullValue());
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().body("server.version", equalTo("1.1.0"));
    }

    @Test
    void aChangedAuthTypeIsWidening() {
        String name = reviewedNamespace() + "/authchange";
        Api.publishOk(PUBLISHER, Docs.oauthRemote(name, "1.0.0"));
        decide(REVIEWER, pendingId(name, "1.0.0"), "admit", 200);
        Api.publishOk(PUBLISHER, Docs.publicRemote(name, "1.1.0"));
        as(REVIEWER).get(X + "/admissions/" + pendingId(name, "1.1.0")).then()
                .body("widening.rule", hasItem("auth-changed"));
    }

    @Test
    void openNamespacesAdmitAtOnceAndTheQueueIsScopedByTeam() {
        String name = Api.freshNamespace(TEAM) + "/open";
        as(PUBLISHER).body(Docs.publicRemote(name, "1.0.0")).post("/v0.1/publish").then().statusCode(200)
                .body(GOV + ".listed", equalTo(true));
        String reviewed = reviewedNamespace() + "/scoped";
        Api.publishOk(PUBLISHER, Docs.publicRemote(reviewed, "1.0.0"));
        as(Api.publisher("oscar", "team-other")).queryParam("serverName", encode(reviewed)).get(X + "/admissions")
                .then().statusCode(200).body("admissions.size()", equalTo(0));
        as(PUBLISHER).queryParam("serverName", encode(reviewed)).get(X + "/admissions").then()
                .body("admissions.size()", equalTo(1));
        as(REVIEWER).queryParam("state", "waiting").get(X + "/admissions").then().statusCode(400);
        as(REVIEWER).body(Map.of("reason", " ")).post(X + "/admissions/" + pendingId(reviewed, "1.0.0") + "/admit")
                .then().statusCode(400);
    }
}
