package io.mcpgov.registry.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Metrics;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RegistryTest
class OperationsTest {

    @Test
    void healthIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void prometheusMetricsAreExposed() {
        Api.as(Api.AGENT).get("/v0.1/servers?limit=1").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds"));
    }

    @Test
    void readCacheHitsAndMissesAreCounted() {
        String url = "/v0.1/servers?limit=2&search=metrics-" + System.nanoTime();
        Api.as(Api.AGENT).get(url).then().statusCode(200);
        double hits = readCacheCount("hit");
        double misses = readCacheCount("miss");
        Api.as(Api.AGENT).get(url).then().statusCode(200);
        Api.as(Api.AGENT).get(url + "0").then().statusCode(200);
        // other tests may read meanwhile: the counters only grow
        assertThat(readCacheCount("hit")).isGreaterThanOrEqualTo(hits + 1);
        assertThat(readCacheCount("miss")).isGreaterThanOrEqualTo(misses + 1);
    }

    private static double readCacheCount(String result) {
        return Metrics.count("registry_read_cache_total", result);
    }

    @Test
    void openApiDescribesEveryOperationAndItsErrors() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/v0.1/servers'.get.responses.'400'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/v0.1/publish'.post.responses.'422'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/v0.1/servers/{serverName}/versions/{version}'.get", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/v0.1/x/io.mcpgov.registry/exceptions/{id}/approve'.post.responses.'403'",
                        org.hamcrest.Matchers.notNullValue())
                .body("paths.keySet()", not(hasItem("/v0/servers")));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void schemasArePublished() {
        given().get(Api.X + "/schemas/server.schema.json").then().statusCode(200)
                .body("$schema", containsString("draft-07"));
        given().get(Api.X + "/schemas/governance.schema.json").then().statusCode(200);
        given().get(Api.X + "/schemas/nope.json").then().statusCode(404);
    }

    @Test
    void unknownPathsAre404Problems() {
        for (String path : List.of("/v0.1/nothing-here", "/v0/nothing-here", Api.X + "/nothing-here",
                "/v0.1/servers/a%2Fb/versions/1.0.0/nothing-here")) {
            Response response = Api.as(Api.AGENT).get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            JsonPath problem = response.jsonPath();
            assertThat(problem.getInt("status")).as(path).isEqualTo(404);
            assertThat(problem.getString("title")).as(path).isEqualTo("Not Found");
            assertThat(problem.getString("type")).as(path).isEqualTo("https://mcpgov.io/problems/not-found");
            assertThat(problem.getString("requestId")).as(path).isNotBlank();
            assertThat(problem.getList("errors")).as(path).isEmpty();
            assertThat(response.asString()).as(path).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
