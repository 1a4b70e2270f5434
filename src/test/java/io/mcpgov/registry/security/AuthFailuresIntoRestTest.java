package io.mcpgov.registry.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Tokens;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RegistryTest
class AuthFailuresIntoRestTest {

    private static final String PROBE = "X-Probe-Auth-Failure-Handler";

    /** Tells, when asked, which failure handler a request carries once every route before the REST layer has run. */
    @ApplicationScoped
    static class Probe {
        void install(@Observes Router router) {
            router.route().order(AuthFailuresIntoRest.ORDER + 1).handler(context -> {
                if (context.request().getHeader(PROBE) != null) {
                    Object handler = context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
                    context.response().putHeader(PROBE, handler == null ? "none" : handler.getClass().getName());
                }
                context.next();
            });
        }
    }

    @Test
    void requestsReachTheRestLayerWithoutTheDefaultHandlerSoThatItsCostlyReplacementIsSkipped() {
        String agent = Tokens.of("probe-" + System.nanoTime(), "agent");
        Api.as(agent).header(PROBE, "1").get("/v0.1/servers?limit=1").then().statusCode(200).header(PROBE, "none");
        Api.as(agent).header(PROBE, "1").get("/v0.1/servers/io.example%2Fnone/versions/1.0.0")
                .then().statusCode(404).header(PROBE, "none");
        given().header(PROBE, "1").get("/v0.1/servers?limit=1").then().statusCode(401).header(PROBE, "none");
    }

    @Test
    void aTokenThatFailsIsAnsweredWithAProblemAndCountedUnderItsOperationsTemplate() {
        given().header("Authorization", "Bearer not.a.token")
                .get("/v0.1/servers/io.example%2Fprobe-" + System.nanoTime() + "/versions/1.0.0")
                .then().statusCode(401).contentType(startsWith("application/problem+json"));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count{")
                && l.contains("status=\"401\"")))
                .anySatisfy(l -> assertThat(l).contains("uri=\"/v0.1/servers/{serverName}/versions/{version}\""))
                .noneSatisfy(l -> assertThat(l).contains("probe-"));
    }
}
