package io.mcpgov.registry.security;

import static io.mcpgov.registry.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
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

    record Operation(String method, String path, String body, String allowed, String forbidden) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> operations() {
        String x = Api.X;
        return Stream.of(
                op("GET", "/v0.1/servers", null, Api.AGENT, Api.NO_ROLE),
                op("GET", "/v0/servers", null, Api.AGENT, Api.NO_ROLE),
                op("GET", "/v0.1/servers/" + SERVER + "/versions", null, Api.AGENT, Api.NO_ROLE),
                op("GET", "/v0.1/servers/" + SERVER + "/versions/latest", null, Api.AGENT, Api.NO_ROLE),
                op("POST", "/v0.1/validate", PUBLISH_BODY, Api.AGENT, Api.NO_ROLE),
                op("POST", "/v0.1/publish", PUBLISH_BODY, PUBLISHER, Api.AGENT),
                op("POST", "/v0/publish", PUBLISH_BODY, PUBLISHER, Api.REVIEWER),
                op("PATCH", "/v0.1/servers/" + SERVER + "/versions/1.0.0/status", STATUS_BODY, Api.ADMIN, Api.AGENT),
                op("PATCH", "/v0.1/servers/" + SERVER + "/status", STATUS_BODY, PUBLISHER, Api.REVIEWER),
                op("GET", x + "/namespaces", null, Api.ADMIN, Api.AGENT),
                op("PUT", x + "/namespaces/com.matrix", "{\"owningTeam\":\"team-matrix\"}", Api.ADMIN, PUBLISHER),
                op("DELETE", x + "/namespaces/com.absent", null, Api.ADMIN, Api.REVIEWER),
                op("POST", x + "/exceptions", "{}", PUBLISHER, Api.REVIEWER),
                op("GET", x + "/exceptions", null, Api.REVIEWER, Api.AGENT),
                op("GET", x + "/exceptions/" + ID, null, Api.AUDITOR, Api.AGENT),
                op("POST", x + "/exceptions/" + ID + "/approve", REASON, Api.REVIEWER, Api.ADMIN),
                op("POST", x + "/exceptions/" + ID + "/reject", REASON, Api.REVIEWER, PUBLISHER),
                op("POST", x + "/exceptions/" + ID + "/revoke", REASON, Api.ADMIN, PUBLISHER),
                op("GET", x + "/audit", null, Api.AUDITOR, Api.REVIEWER),
                op("GET", x + "/audit/export", null, Api.AUDITOR, Api.REVIEWER),
                op("GET", x + "/audit/verify", null, Api.ADMIN, PUBLISHER),
                op("GET", x + "/ownership/" + SERVER, null, Api.AUDITOR, Api.AGENT),
                op("PUT", x + "/ownership/" + SERVER + "/accountable-owner", "{\"accountableOwner\":\"x\",\"reason\":\"r\"}",
                        Api.ADMIN, Api.REVIEWER),
                op("PUT", x + "/ownership/" + SERVER + "/contact", "{\"email\":\"oncall@example.com\"}", PUBLISHER, Api.AGENT),
                op("POST", x + "/offboardings", "{\"subject\":\"matrix-leaver\",\"reason\":\"left\"}", Api.ADMIN,
                        Api.REVIEWER),
                op("GET", x + "/decision-flags", null, Api.REVIEWER, Api.AGENT),
                op("POST", x + "/decision-flags/999999999/resolve", REASON, Api.REVIEWER, PUBLISHER),
                op("POST", x + "/review-campaigns", "{}", Api.REVIEWER, PUBLISHER),
                op("GET", x + "/review-campaigns", null, Api.AUDITOR, PUBLISHER),
                op("GET", x + "/review-campaigns/" + ID, null, Api.ADMIN, Api.AGENT),
                op("GET", x + "/review-campaigns/" + ID + "/items", null, PUBLISHER, Api.AGENT),
                op("POST", x + "/review-campaigns/" + ID + "/items/" + SERVER + "/attest", "{}", PUBLISHER, Api.REVIEWER),
                op("POST", x + "/review-campaigns/" + ID + "/items/" + SERVER + "/flag-changes", "{\"note\":\"n\"}",
                        PUBLISHER, Api.ADMIN),
                op("POST", x + "/review-campaigns/" + ID + "/close", null, Api.ADMIN, Api.AUDITOR),
                op("GET", x + "/reports/governance", null, Api.AUDITOR, PUBLISHER),
                op("GET", x + "/servers/" + SERVER + "/versions/latest/verification", null, Api.AGENT, Api.NO_ROLE),
                op("POST", x + "/servers/" + SERVER + "/versions/latest/verification", null, Api.REVIEWER, Api.AGENT),
                op("POST", x + "/imports", "{\"owningTeam\":\"t\",\"items\":[]}", Api.ADMIN, Api.REVIEWER),
                op("GET", x + "/servers/" + SERVER + "/versions/latest/tools", null, Api.AGENT, Api.NO_ROLE),
                op("POST", x + "/servers/" + SERVER + "/versions/latest/scope-plan", "{\"tools\":[\"a\"]}", Api.AGENT, Api.NO_ROLE),
                op("POST", x + "/servers/" + SERVER + "/versions/latest/tools-for-scopes", "{\"scopes\":[\"a\"]}", Api.AGENT, Api.NO_ROLE),
                op("GET", x + "/tool-reviews", null, Api.REVIEWER, Api.AGENT),
                op("GET", x + "/tool-reviews/" + ID, null, Api.AUDITOR, Api.AGENT),
                op("POST", x + "/tool-reviews/" + ID + "/approve", REASON, Api.REVIEWER, Api.ADMIN),
                op("POST", x + "/tool-reviews/" + ID + "/reject", REASON, Api.REVIEWER, PUBLISHER),
                op("POST", x + "/tool-reviews/" + ID + "/revoke", REASON, Api.ADMIN, PUBLISHER),
                op("GET", x + "/reports/entitlements", null, Api.AUDITOR, PUBLISHER),
                op("GET", x + "/reports/entitlements?format=csv", null, Api.REVIEWER, Api.AGENT),
                op("GET", x + "/admissions", null, Api.REVIEWER, Api.AGENT),
                op("GET", x + "/admissions/" + ID, null, Api.AUDITOR, Api.AGENT),
                op("POST", x + "/admissions/" + ID + "/admit", REASON, Api.REVIEWER, Api.ADMIN),
                op("POST", x + "/admissions/" + ID + "/reject", REASON, Api.REVIEWER, PUBLISHER),
                op("GET", x + "/events", null, Api.AUDITOR, PUBLISHER),
                op("GET", x + "/webhooks", null, Api.ADMIN, Api.REVIEWER),
                op("POST", x + "/webhooks", "{\"url\":\"https://hooks.example.com/h\"}", Api.ADMIN, Api.REVIEWER),
                op("DELETE", x + "/webhooks/" + ID, null, Api.ADMIN, Api.AUDITOR),
                op("GET", x + "/webhooks/" + ID + "/deliveries", null, Api.ADMIN, Api.AUDITOR),
                op("POST", x + "/webhooks/" + ID + "/replay", null, Api.ADMIN, Api.REVIEWER));
    }

    private static Arguments op(String method, String path, String body, String allowed, String forbidden) {
        return Arguments.of(new Operation(method, path, body, allowed, forbidden));
    }

    @BeforeEach
    void theAllowedPublisherOwnsTheNamespace() {
        as(Api.ADMIN).body("{\"owningTeam\":\"team-matrix\"}").put(Api.X + "/namespaces/com.nobody").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void allowedCallerGetsPastSecurity(Operation op) {
        assertThat(call(as(op.allowed()), op).statusCode()).isNotIn(401, 403);
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
