package io.mcpgov.registry.server;

import static io.mcpgov.registry.support.Api.AGENT;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * No existence oracle: for a caller outside the owning team, an entry the listing gate hides answers every operation
 * that names a server exactly as a name that does not exist (status and problem, request id aside). Every operation
 * of the OpenAPI document with a {serverName} in its path needs a scenario here; the test fails until it has one.
 */
@QuarkusTest
@RegistryTest
class NoExistenceOracleTest {

    private static final String TEAM = "team-oracle";
    private static final String OWNER = Api.publisher("oona", TEAM);
    private static final String OUTSIDER = Api.publisher("otto", "team-elsewhere");

    /** One call of an operation as {@code token} about the server {@code name}. */
    private interface Call extends BiFunction<String, String, Response> {
    }

    private static final Map<String, Call> OPERATIONS = new LinkedHashMap<>();
    private static Fixture fixture;

    private record Fixture(String hidden, String absent, String campaign) {
    }

    static {
        for (String api : List.of("/v0.1", "/v0")) {
            operation("GET " + api + "/servers/{serverName}/versions",
                    (token, name) -> as(token).get(api + "/servers/" + encode(name) + "/versions"));
            operation("GET " + api + "/servers/{serverName}/versions/{version}",
                    (token, name) -> as(token).get(api + "/servers/" + encode(name) + "/versions/1.0.0"));
            operation("PATCH " + api + "/servers/{serverName}/versions/{version}/status", (token, name) -> as(token)
                    .body(Map.of("status", "deprecated")).patch(api + "/servers/" + encode(name) + "/versions/1.0.0/status"));
            operation("PATCH " + api + "/servers/{serverName}/status", (token, name) -> as(token)
                    .body(Map.of("status", "deprecated")).patch(api + "/servers/" + encode(name) + "/status"));
        }
        operation("GET " + X + "/servers/{serverName}/versions/{version}/verification",
                (token, name) -> as(token).get(version(name, "latest") + "/verification"));
        operation("POST " + X + "/servers/{serverName}/versions/{version}/verification",
                (token, name) -> as(token).post(version(name, "1.0.0") + "/verification"));
        operation("POST latest " + X + "/servers/{serverName}/versions/{version}/verification",
                (token, name) -> as(token).post(version(name, "latest") + "/verification"));
        operation("GET " + X + "/servers/{serverName}/versions/{version}/tools",
                (token, name) -> as(token).get(version(name, "1.0.0") + "/tools"));
        operation("POST " + X + "/servers/{serverName}/versions/{version}/scope-plan", (token, name) -> as(token)
                .body(Map.of("tools", List.of("get_forecast"))).post(version(name, "latest") + "/scope-plan"));
        operation("POST " + X + "/servers/{serverName}/versions/{version}/tools-for-scopes", (token, name) -> as(token)
                .body(Map.of("scopes", List.of("weather.read"))).post(version(name, "1.0.0") + "/tools-for-scopes"));
        operation("GET " + X + "/ownership/{serverName}", (token, name) -> as(token).get(X + "/ownership/" + encode(name)));
        operation("PUT " + X + "/ownership/{serverName}/accountable-owner", (token, name) -> as(token)
                .body(Map.of("accountableOwner", "oona", "reason", "Reorganisation"))
                .put(X + "/ownership/" + encode(name) + "/accountable-owner"));
        operation("PUT " + X + "/ownership/{serverName}/contact", (token, name) -> as(token)
                .body(Map.of("email", "oncall@example.com")).put(X + "/ownership/" + encode(name) + "/contact"));
        operation("POST " + X + "/review-campaigns/{id}/items/{serverName}/attest", (token, name) -> as(token)
                .body(Map.of()).post(X + "/review-campaigns/" + fixture.campaign() + "/items/" + encode(name) + "/attest"));
        operation("POST " + X + "/review-campaigns/{id}/items/{serverName}/flag-changes", (token, name) -> as(token)
                .body(Map.of("note", "A scope can go"))
                .post(X + "/review-campaigns/" + fixture.campaign() + "/items/" + encode(name) + "/flag-changes"));
        // operations that take the name in the body or the query
        operation("POST " + X + "/exceptions", (token, name) -> as(token).body(exceptionRequest(name)).post(X + "/exceptions"));
        operation("GET /v0.1/servers?search", (token, name) -> as(token).queryParam("search", name).get("/v0.1/servers"));
        for (String queue : List.of("/exceptions", "/tool-reviews", "/admissions")) {
            operation("GET " + X + queue + "?serverName",
                    (token, name) -> as(token).queryParam("serverName", name).get(X + queue));
        }
    }

    private static void operation(String key, Call call) {
        OPERATIONS.put(key, call);
    }

    private static String version(String name, String version) {
        return X + "/servers/" + encode(name) + "/versions/" + version;
    }

    private static String exceptionRequest(String serverName) {
        return """
                {"serverName":"%s","classification":"transitional","justification":"Vendor has no OAuth yet",
                 "expiresAt":"%s","compensatingControls":{"rotationDays":30,"keyStorage":"vault:kv/mcp",
                 "offboardingOwner":"iam-team"}}""".formatted(serverName, Instant.now().plus(30, ChronoUnit.DAYS));
    }

    private static synchronized Fixture fixture() {
        if (fixture == null) {
            String ns = Api.freshNamespace(TEAM);
            String hidden = ns + "/keyed";
            Api.publishOk(OWNER, Docs.apiKeyRemote(hidden, "1.0.0"));
            String campaign = as(REVIEWER).body(Map.of("name", "Oracle review", "team", TEAM,
                            "dueAt", Instant.now().plus(7, ChronoUnit.DAYS).toString()))
                    .post(X + "/review-campaigns").then().statusCode(201).extract().path("id");
            fixture = new Fixture(hidden, ns + "/absent", campaign);
        }
        return fixture;
    }

    @Test
    void everyOperationNamingAServerHasAScenario() {
        Map<String, Map<String, Object>> paths =
                given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath().getMap("paths");
        Set<String> naming = new TreeSet<>();
        paths.forEach((path, operations) -> {
            if (path.contains("{serverName}")) {
                operations.keySet().stream().filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                        .forEach(m -> naming.add(m.toUpperCase() + " " + path));
            }
        });
        assertThat(naming).isNotEmpty();
        assertThat(OPERATIONS.keySet()).as("every operation that names a server needs a scenario here")
                .containsAll(naming);
    }

    @Test
    void aHiddenServerAnswersLikeANameThatDoesNotExist() {
        Fixture f = fixture();
        List<String> differences = new ArrayList<>();
        for (String caller : List.of(OUTSIDER, AGENT)) {
            OPERATIONS.forEach((operation, call) -> {
                Response hidden = call.apply(caller, f.hidden());
                Response absent = call.apply(caller, f.absent());
                String was = hidden.statusCode() + " " + hidden.asString();
                String would = absent.statusCode() + " " + absent.asString();
                if (hidden.statusCode() != absent.statusCode()
                        || !String.valueOf(hidden.contentType()).equals(String.valueOf(absent.contentType()))
                        || !withoutRequestId(hidden).equals(withoutRequestId(absent))) {
                    differences.add(operation + " as " + subject(caller) + ": hidden " + was + " / absent " + would);
                }
            });
        }
        assertThat(differences).isEmpty();
    }

    @Test
    void theOwningTeamReviewersAndAuditorsStillSeeTheEntry() {
        Fixture f = fixture();
        as(OWNER).get(version(f.hidden(), "1.0.0") + "/tools").then().statusCode(200);
        as(REVIEWER).get("/v0.1/servers/" + encode(f.hidden()) + "/versions/1.0.0").then().statusCode(200);
        as(AUDITOR).get(X + "/ownership/" + encode(f.hidden())).then().statusCode(200);
        // an entry the caller can see is refused as before
        String listed = f.hidden().replace("/keyed", "/listed");
        Api.publishOk(OWNER, Docs.oauthRemote(listed, "1.0.0"));
        as(OUTSIDER).body(Map.of("status", "deprecated")).patch("/v0.1/servers/" + encode(listed) + "/status")
                .then().statusCode(403);
    }

    @Test
    void theConcealedRefusalIsStillAudited() {
        Fixture f = fixture();
        String requestId = "oracle-" + System.nanoTime();
        as(OUTSIDER).header("X-Request-Id", requestId).body(Map.of("status", "deprecated"))
                .patch("/v0.1/servers/" + encode(f.hidden()) + "/status").then().statusCode(404);
        JsonPath events = as(AUDITOR).queryParam("requestId", requestId).get(X + "/audit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(events.getString("events[0].action")).isEqualTo("authorization.denied");
        assertThat(events.getInt("events[0].after.status")).isEqualTo(403);
        assertThat(events.getInt("events[0].after.answeredAs")).isEqualTo(404);
        assertThat(events.getList("events[0].after.ruleIds")).containsExactly("namespace-not-owned");
    }

    private static Map<String, Object> withoutRequestId(Response response) {
        String body = response.asString();
        if (body == null || body.isBlank() || !body.trim().startsWith("{")) {
            return Map.of("text", String.valueOf(body));
        }
        Map<String, Object> json = new LinkedHashMap<>(response.jsonPath().getMap(""));
        json.remove("requestId");
        return json;
    }

    private static String subject(String token) {
        return token.equals(AGENT) ? "agent" : "publisher of another team";
    }
}
