package io.mcpgov.registry.input;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.mcpgov.registry.common.Problem;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * Path and query parameters PostgreSQL cannot hold, or longer than any the registry knows, are refused with a 400
 * naming the parameter, on every operation, before any query runs; the registry stays up and answers normally.
 */
@QuarkusTest
@RegistryTest
class HostileParametersTest {

    private static void refused(RequestSpecification request, String url, String ruleId, String parameter) {
        request.get(url).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.ruleId", contains(ruleId))
                .body("errors.path", contains("/" + parameter));
    }

    @Test
    void aNulCharacterInAPathOrQueryParameterIsABadRequestNamingTheParameter() {
        String team = "team-nul" + System.nanoTime();
        String ns = Api.freshNamespace(team);
        String name = ns + "/weather";
        Api.publishOk(Api.publisher("pub-nul", team), Docs.publicRemote(name, "1.0.0"));
        String server = "/v0.1/servers/" + encode(name);

        refused(as(ADMIN), "/v0.1/servers/com.example%00/versions", "nul-character", "serverName");
        refused(as(AGENT), "/v0.1/servers?version=%00", "nul-character", "version");
        refused(as(AGENT), "/v0.1/servers?search=a%00b", "nul-character", "search");
        refused(as(AGENT), "/v0.1/servers?cursor=a%00:1", "nul-character", "cursor");
        refused(as(AGENT), server + "/versions/1.0.0%00", "nul-character", "version");
        refused(as(AGENT), "/v0/servers/" + encode(name) + "/versions/latest%00", "nul-character", "version");
        refused(as(ADMIN), X + "/servers/com.example%00/versions/1.0.0/tools", "nul-character", "serverName");
        refused(as(ADMIN), X + "/servers/" + encode(name) + "/versions/1.0.0%00/tools", "nul-character", "version");
        refused(as(ADMIN), X + "/ownership/com.example%00", "nul-character", "serverName");
        refused(as(ADMIN), X + "/audit?actor=a%00", "nul-character", "actor");
        refused(as(ADMIN), X + "/exceptions?serverName=%00", "nul-character", "serverName");

        as(AGENT).get(server + "/versions/1.0.0").then().statusCode(200).body("server.name", equalTo(name));
    }

    @Test
    void everyRefusedParameterIsNamedInOneAnswer() {
        as(AGENT).get("/v0.1/servers?search=%00&version=" + "9".repeat(1025)).then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.ruleId", hasItem("nul-character"))
                .body("errors.ruleId", hasItem("parameter-too-long"))
                .body("errors.path", hasItem("/search"))
                .body("errors.path", hasItem("/version"));
    }

    @Test
    void aParameterLongerThanTheLimitIsABadRequest() {
        refused(as(AGENT), "/v0.1/servers?cursor=" + "a".repeat(1025), "parameter-too-long", "cursor");
        refused(as(AGENT), "/v0.1/servers/" + "a".repeat(1025) + "/versions", "parameter-too-long", "serverName");
        as(AGENT).get("/v0.1/servers?search=" + "a".repeat(1024)).then().statusCode(400)
                .body("errors.ruleId", contains("invalid-search"));
    }

    @Test
    void aRefusedQueryParameterNameIsNamedWithoutRepeatingIt() {
        as(AGENT).get("/v0.1/servers?a%00b=1").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.ruleId", contains("nul-character"))
                .body("errors.path", contains(""))
                .body("errors.message[0]", containsString("query parameter name"));
    }
}
