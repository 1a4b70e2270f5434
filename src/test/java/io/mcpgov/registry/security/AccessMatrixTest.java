package io.mcpgov.registry.security;

import static io.mcpgov.registry.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every protected operation: an allowed caller, a forbidden one (403), and no or a bad token (401). */
@QuarkusTest
@RegistryTest
class AccessMatrixTest {

    private static final String ID = "00000000-0000-0000-0000-000000000001";
    private static final String SERVER = Api.encode("com.nobody/none");
    private static final String PUBLISHER = Api.publisher("pat", "team-matrix");
    private static final String PUBLISH_BODY = Docs.publicRemote("com.nobody/none", "1.0.0");
    private static final String STATUS_BODY = "{\"status\":\"deprecated\"}";
    private static final String REASON = "{\"reason\":\"checked\"}";

    /** {@code expected}: what the allowed caller gets in this scenario, a status the operation documents. */
    record Operation(String method, String path, String body, String allowed, String forbidden, int expected) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> operations() {
        String x = Api.X;
        return Stream.of(
                op("GET", "/v0.1/servers", null, Api.AGENT, Api.NO_ROLE, 200),
                op("GET", "/v0/servers", null, Api.AGENT, Api.NO_ROLE, 200),
                op("GET", "/v0.1/servers/" + SERVER + "/versions", null, Api.AGENT, Api.NO_ROLE, 404),
                op("GET", "/v0.1/servers/" + SERVER + "/versions/latest", null, Api.AGENT, Api.NO_ROLE, 404),
                op("POST", "/v0.1/validate", PUBLISH_BODY, Api.AGENT, Api.NO_ROLE, 200),
                op("POST", "/v0.1/publish", PUBLISH_BODY, PUBLISHER, Api.AGENT, 200),
                // the same version again, published just before
                op("POST", "/v0/publish", PUBLISH_BODY, PUBLISHER, Api.REVIEWER, 409),
                op("PATCH", "/v0.1/servers/" + SERVER + "/versions/1.0.0/status", STATUS_BODY, Api.ADMIN, Api.AGENT, 200),
                // every version is deprecated already: nothing to change
                op("PATCH", "/v0.1/servers/" + SERVER + "/status", STATUS_BODY, PUBLISHER, Api.REVIEWER, 422),
                op("GET", x + "/namespaces", null, Api.ADMIN, Api.AGENT, 200),
                op("PUT", x + "/namespaces/com.matrix", "{\"owningTeam\":\"team-matrix\"}", Api.ADMIN, PUBLISHER, 200),
                op("DELETE", x + "/namespaces/com.absent", null, Api.ADMIN, Api.REVIEWER, 404),
                op("POST", x + "/exceptions", "{}", PUBLISHER, Api.REVIEWER, 422),
                op("GET", x + "/exceptions", null, Api.REVIEWER, Api.AGENT, 200),
                op("GET", x + "/exceptions/" + ID, null, Api.AUDITOR, Api.AGENT, 404),
                op("POST", x + "/exceptions/" + ID + "/approve", REASON, Api.REVIEWER, Api.ADMIN, 404),
                op("POST", x + "/exceptions/" + ID + "/reject", REASON, Api.REVIEWER, PUBLISHER, 404),
                op("POST", x + "/exceptions/" + ID + "/revoke", REASON, Api.ADMIN, PUBLISHER, 404),
                op("GET", x + "/audit", null, Api.AUDITOR, Api.REVIEWER, 200),
                op("GET", x + "/audit/export", null, Api.AUDITOR, Api.REVIEWER, 200),
                op("GET", x + "/audit/verify", null, Api.ADMIN, PUBLISHER, 200),
                op("GET", x + "/ownership/" + SERVER, null, Api.AUDITOR, Api.AGENT, 200),
                // "x" never acted in the registry: not a known member of the owning team
                op("PUT", x + "/ownership/" + SERVER + "/accountable-owner", "{\"accountableOwner\":\"x\",\"reason\":\"r\"}",
                        Api.ADMIN, Api.REVIEWER, 422),
                op("PUT", x + "/ownership/" + SERVER + "/contact", "{\"email\":\"oncall@example.com\"}", PUBLISHER, Api.AGENT,
                        200),
                op("POST", x + "/offboardings", "{\"subject\":\"matrix-leaver\",\"reason\":\"left\"}", Api.ADMIN,
                        Api.REVIEWER, 201),
                op("GET", x + "/decision-flags", null, Api.REVIEWER, Api.AGENT, 200),
                op("POST", x + "/decision-flags/999999999/resolve", REASON, Api.REVIEWER, PUBLISHER, 404),
                op("POST", x + "/review-campaigns", "{}", Api.REVIEWER, PUBLISHER, 422),
                op("GET", x + "/review-campaigns", null, Api.AUDITOR, PUBLISHER, 200),
                op("GET", x + "/review-campaigns/" + ID, null, Api.ADMIN, Api.AGENT, 404),
                op("GET", x + "/review-campaigns/" + ID + "/items", null, PUBLISHER, Api.AGENT, 404),
                op("POST", x + "/review-campaigns/" + ID + "/items/" + SERVER + "/attest", "{}", PUBLISHER, Api.REVIEWER, 404),
                op("POST", x + "/review-campaigns/" + ID + "/items/" + SERVER + "/flag-changes", "{\"note\":\"n\"}",
                        PUBLISHER, Api.ADMIN, 404),
                op("POST", x + "/review-campaigns/" + ID + "/close", null, Api.ADMIN, Api.AUDITOR, 404),
                op("GET", x + "/reports/governance", null, Api.AUDITOR, PUBLISHER, 200),
                op("GET", x + "/servers/" + SERVER + "/versions/latest/verification", null, Api.AGENT, Api.NO_ROLE, 200),
                op("POST", x + "/servers/" + SERVER + "/versions/latest/verification", null, Api.REVIEWER, Api.AGENT, 200),
                op("POST", x + "/imports", "{\"owningTeam\":\"t\",\"items\":[]}", Api.ADMIN, Api.REVIEWER, 200),
                op("GET", x + "/servers/" + SERVER + "/versions/latest/tools", null, Api.AGENT, Api.NO_ROLE, 200),
                op("POST", x + "/servers/" + SERVER + "/versions/latest/scope-plan", "{\"tools\":[\"a\"]}", Api.AGENT,
                        Api.NO_ROLE, 200),
                op("POST", x + "/servers/" + SERVER + "/versions/latest/tools-for-scopes", "{\"scopes\":[\"a\"]}", Api.AGENT,
                        Api.NO_ROLE, 200),
                op("GET", x + "/tool-reviews", null, Api.REVIEWER, Api.AGENT, 200),
                op("GET", x + "/tool-reviews/" + ID, null, Api.AUDITOR, Api.AGENT, 404),
                op("POST", x + "/tool-reviews/" + ID + "/approve", REASON, Api.REVIEWER, Api.ADMIN, 404),
                op("POST", x + "/tool-reviews/" + ID + "/reject", REASON, Api.REVIEWER, PUBLISHER, 404),
                op("POST", x + "/tool-reviews/" + ID + "/revoke", REASON, Api.ADMIN, PUBLISHER, 404),
                op("GET", x + "/reports/entitlements", null, Api.AUDITOR, PUBLISHER, 200),
                op("GET", x + "/reports/entitlements?format=csv", null, Api.REVIEWER, Api.AGENT, 200),
                op("GET", x + "/admissions", null, Api.REVIEWER, Api.AGENT, 200),
                op("GET", x + "/admissions/" + ID, null, Api.AUDITOR, Api.AGENT, 404),
                op("POST", x + "/admissions/" + ID + "/admit", REASON, Api.REVIEWER, Api.ADMIN, 404),
                op("POST", x + "/admissions/" + ID + "/reject", REASON, Api.REVIEWER, PUBLISHER, 404),
                op("GET", x + "/events", null, Api.AUDITOR, PUBLISHER, 200),
                op("GET", x + "/webhooks", null, Api.ADMIN, Api.REVIEWER, 200),
                op("POST", x + "/webhooks", "{\"url\":\"https://hooks.example.com/h\"}", Api.ADMIN, Api.REVIEWER, 201),
                op("DELETE", x + "/webhooks/" + ID, null, Api.ADMIN, Api.AUDITOR, 404),
                op("GET", x + "/webhooks/" + ID + "/deliveries", null, Api.ADMIN, Api.AUDITOR, 404),
                op("POST", x + "/webhooks/" + ID + "/replay", null, Api.ADMIN, Api.REVIEWER, 404));
    }

    private static Arguments op(String method, String path, String body, String allowed, String forbidden,
            int expected) {
        return Arguments.of(new Operation(method, path, body, allowed, forbidden, expected));
    }

    @BeforeEach
    void theAllowedPublisherOwnsTheNamespace() {
        as(Api.ADMIN).body("{\"owningTeam\":\"team-matrix\"}").put(Api.X + "/namespaces/com.nobody").then().statusCode(200);
    }

    /**
     * Past security, the allowed caller gets the operation's own answer: success, or the refusal this scenario calls
     * for (an unknown id, an invalid body), never a failure of the registry. The status must be one the operation's
     * OpenAPI document lists, and every refusal is a problem document.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void allowedCallerGetsTheOperationsOwnAnswer(Operation op) {
        Response response = call(as(op.allowed()), op);
        assertThat(response.statusCode()).as(op + ": " + response.asString()).isEqualTo(op.expected());
        assertThat(documentedStatuses(op)).as(op + " documents its statuses").contains(String.valueOf(op.expected()));
        if (op.expected() >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    /** The statuses the OpenAPI document lists for the operation (a /v0 path is documented as its /v0.1 twin). */
    private static Set<String> documentedStatuses(Operation op) {
        Map<String, Map<String, Map<String, Object>>> paths = openApiPaths();
        String concrete = op.path().replaceFirst("\\?.*$", "").replaceFirst("^/v0/", "/v0.1/");
        for (var path : paths.entrySet()) {
            String pattern = Pattern.quote(path.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (concrete.matches(pattern) && path.getValue().containsKey(op.method().toLowerCase())) {
                Map<String, Object> operation = path.getValue().get(op.method().toLowerCase());
                return ((Map<String, Object>) operation.get("responses")).keySet();
            }
        }
        throw new AssertionError("no OpenAPI operation for " + op);
    }

    private static Map<String, Map<String, Map<String, Object>>> openApi;

    private static synchronized Map<String, Map<String, Map<String, Object>>> openApiPaths() {
        if (openApi == null) {
            openApi = RestAssured.given().accept("application/json").get("/q/openapi").then().statusCode(200).extract()
                    .jsonPath().getMap("paths");
        }
        return openApi;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void forbiddenCallerGets403WithoutBeingNamed(Operation op) {
        Response response = call(as(op.forbidden()), op);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString()).doesNotContain("agnes").doesNotContain("nobody").doesNotContain("rey");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void missingOrBadTokensGet401(Operation op) {
        for (RequestSpecification spec : List.of(
                Api.anonymous(),
                as(Tokens.expired("ada", "admin", "reviewer", "auditor", "publisher", "agent", "team-matrix")),
                as(Tokens.wrongIssuer("ada", "admin", "reviewer", "auditor", "publisher", "agent", "team-matrix")),
                as(Tokens.wrongSignature("ada", "admin", "reviewer", "auditor", "publisher", "agent", "team-matrix")),
                as("not-a-jwt"))) {
            Response response = call(spec, op);
            assertThat(response.statusCode()).as(op + " with a bad token").isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
    }

    private static Response call(RequestSpecification spec, Operation op) {
        if (op.body() != null) {
            spec = spec.body(op.body());
        }
        return spec.request(op.method(), op.path());
    }
}
