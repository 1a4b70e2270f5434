package io.mcpgov.registry.input;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.mcpgov.registry.common.Problem;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Request bodies an attacker sends: every refusal is a problem document naming the JSON pointer, with 400 for what
 * cannot be read or stored, 413 for size, 415 for what is not JSON; nothing is stored and the registry stays up.
 */
@QuarkusTest
@RegistryTest
class HostileBodiesTest {

    @Test
    void aFortyKilobyteNameFromATeamThatOwnsNothingIsRefusedByTheSchemaWithoutANamespaceLookup() {
        String name = "com." + "a.".repeat(20_000) + "x/y";
        String body = "{\"name\":\"" + name + "\",\"description\":\"d\",\"version\":\"1.0.0\"}";
        // a lookup would answer 403 namespace-not-owned: the caller's team owns nothing
        as(Api.publisher("pub-nothing", "team-owns-nothing")).body(body).post("/v0.1/publish").then()
                .statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("errors.find { it.path == '/name' }.ruleId", equalTo("schema-max-length"))
                .body("errors.ruleId", not(hasItem("namespace-not-owned")));
        as(AGENT).get("/v0.1/servers?search=aaaa").then().statusCode(200);
    }

    @Test
    void aNulCharacterInAJsonBodyIsABadRequestNamingThePointer() {
        as(ADMIN).body("{\"subject\":\"pat\\u0000\",\"reason\":\"Left\"}").post(X + "/offboardings").then()
                .statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.ruleId", contains("nul-character"))
                .body("errors.path", contains("/subject"));
        as(ADMIN).body("{\"owningTeam\":\"t\",\"x\":{\"k\\u0000\":1}}").put(X + "/namespaces/com.nul-name").then()
                .statusCode(400).body("errors.ruleId", contains("nul-character")).body("errors.path", contains("/x"));
        as(ADMIN).body("{\"subject\":\"pat\\ud800\",\"reason\":\"Left\"}").post(X + "/offboardings").then()
                .statusCode(400).body("errors.ruleId", contains("lone-surrogate")).body("errors.path", contains("/subject"));
        String team = "team-hb" + System.nanoTime();
        String publisher = Api.publisher("pub-hb", team);
        String name = Api.freshNamespace(team) + "/nul";
        String document = Docs.publicRemote(name, "1.0.0").replace("Weather forecasts", "Weather\\u0000forecasts");
        as(publisher).body(document).post("/v0.1/publish").then().statusCode(400)
                .body("errors.ruleId", contains("nul-character")).body("errors.path", contains("/description"));
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions").then().statusCode(404);
    }

    @Test
    void aNumberNumericCannotHoldIsABadRequestNamingThePointer() {
        String team = "team-hbn" + System.nanoTime();
        String publisher = Api.publisher("pub-hb", team);
        String name = Api.freshNamespace(team) + "/numbers";
        for (String number : new String[] {"1e999999", "-1e-99999", "0e-999999999", "1e99999999999"}) {
            String document = Docs.publicRemote(name, "1.0.0")
                    .replaceFirst("\\{", "{\"_meta\":{\"com.example/x\":{\"n\":[" + number + "]}},");
            as(publisher).body(document).post("/v0.1/publish").then().statusCode(400)
                    .body("errors.ruleId", contains("number-out-of-range"))
                    .body("errors.path", contains("/_meta/com.example~1x/n/0"));
            as(ADMIN).body("{\"items\":[{\"n\":" + number + "}],\"owningTeam\":\"t\"}").post(X + "/imports").then()
                    .statusCode(400).body("errors.path", contains("/items/0/n"));
        }
        as(publisher).body(Docs.publicRemote(name, "1.0.0")
                .replaceFirst("\\{", "{\"_meta\":{\"com.example/x\":{\"n\":[1e300, -2.5e-300, 12345678901234567890]}},"))
                .post("/v0.1/publish").then().statusCode(200);
    }

    @Test
    void theSizeOfEveryJsonBodyIsBoundedWhileItIsRead() {
        as(ADMIN).body("{\"items\":[" + "[".repeat(80) + "]".repeat(80) + "],\"owningTeam\":\"t\"}").post(X + "/imports")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.ruleId", contains("nesting-too-deep"))
                .body("errors.path[0]", containsString("/items/0/0/0"));
        as(ADMIN).body("{\"items\":[" + "0,".repeat(1_000_001) + "0],\"owningTeam\":\"t\"}").post(X + "/imports")
                .then().statusCode(400).body("errors.ruleId", contains("too-many-tokens"));
        as(ADMIN).body("{\"subject\":\"" + "a".repeat(600_000) + "\",\"reason\":\"r\"}").post(X + "/offboardings")
                .then().statusCode(400).body("errors.ruleId", contains("string-too-long"))
                .body("errors.path", contains("/subject"));
        as(ADMIN).body("{\"" + "k".repeat(2000) + "\":1}").post(X + "/offboardings")
                .then().statusCode(400).body("errors.ruleId", contains("name-too-long"));
    }

    @Test
    void importedEntriesGoThroughTheChecksOfPublish() {
        String team = "team-hbi" + System.nanoTime();
        String ns = Api.freshNamespace(team);
        String deep = Docs.publicRemote(ns + "/deep", "1.0.0")
                .replaceFirst("\\{", "{\"_meta\":{\"com.example/x\":" + "[".repeat(66) + "]".repeat(66) + "},");
        String tooLong = Docs.publicRemote("com." + "a.".repeat(200) + "x/y", "1.0.0");
        as(ADMIN).body("{\"items\":[" + deep + "," + tooLong + "],\"owningTeam\":\"" + team + "\"}").post(X + "/imports")
                .then().statusCode(200)
                .body("imported", equalTo(0)).body("refused", equalTo(2))
                .body("refusals.find { it.name == '" + ns + "/deep' }.errors.ruleId", contains("nesting-too-deep"))
                .body("refusals.find { it.version == '1.0.0' && it.name.startsWith('com.a.a.') }.errors.ruleId",
                        hasItem("schema-max-length"));
    }

    @Test
    void aMalformedFieldIsABadRequestNamingItsPointer() {
        String team = "team-hbf" + System.nanoTime();
        String publisher = Api.publisher("pub-hb", team);
        String name = Api.freshNamespace(team) + "/fields";
        as(publisher).body(Map.of("serverName", name, "classification", "transitional", "expiresAt", "garbage"))
                .post(X + "/exceptions").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.ruleId", contains("invalid-value"))
                .body("errors.path", contains("/expiresAt"));
        as(ADMIN).body("{\"items\":\"x\",\"owningTeam\":\"t\"}").post(X + "/imports").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.ruleId", contains("invalid-type")).body("errors.path", contains("/items"));
        as(publisher).body("{\"serverName\":\"" + name + "\",\"compensatingControls\":{\"rotationDays\":\"often\"}}")
                .post(X + "/exceptions").then().statusCode(400)
                .body("errors.path", contains("/compensatingControls/rotationDays"));
        as(ADMIN).body("[]").post(X + "/offboardings").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors.ruleId", contains("invalid-type")).body("errors.path", contains(""));
        as(ADMIN).body("{\"subject\":").post(X + "/offboardings").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("errors.ruleId", contains("malformed-json"));
    }

    @Test
    void aBodyAboveTheLimitIsRefusedWithAProblemDocumentWhetherItsLengthIsDeclaredOrNot() {
        String head = "POST /v0.1/validate HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n";
        RawHttp.Answer declared = RawHttp.send(head + "Content-Length: 50000000\r\n\r\n", "{\"name\":\"", 0);
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(declared.body()).contains("\"ruleId\":\"body-too-large\"").contains("\"status\":413");

        RawHttp.Answer chunked = RawHttp.send(head + "Authorization: Bearer " + ADMIN
                + "\r\nTransfer-Encoding: chunked\r\n\r\n", "", 5);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.header("Content-Type")).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(chunked.body()).contains("\"ruleId\":\"body-too-large\"");

        RawHttp.Answer small = RawHttp.send(head + "Authorization: Bearer " + ADMIN
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
                "7\r\n{\"a\":1}\r\n0\r\n\r\n", 0);
        assertThat(small.status()).isEqualTo(200);
        assertThat(small.body()).contains("\"valid\":false");
        as(AGENT).get("/v0.1/servers").then().statusCode(200);
    }

    @Test
    void publishAndValidateTakeJsonOnly() {
        String team = "team-hbc" + System.nanoTime();
        String publisher = Api.publisher("pub-hb", team);
        String ns = Api.freshNamespace(team);
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/xml"}) {
            as(publisher).contentType(type).body(Docs.publicRemote(ns + "/typed", "1.0.0")).post("/v0.1/publish")
                    .then().statusCode(415).contentType(Problem.MEDIA_TYPE)
                    .body("errors.ruleId", contains("unsupported-media-type"));
            as(publisher).contentType(type).body(Docs.publicRemote(ns + "/typed", "1.0.0")).post("/v0.1/validate")
                    .then().statusCode(415).contentType(Problem.MEDIA_TYPE);
        }
        given().auth().oauth2(publisher).body(Docs.publicRemote(ns + "/typed", "1.0.0").getBytes())
                .post("/v0/publish").then().statusCode(415).contentType(Problem.MEDIA_TYPE);
        as(AGENT).get("/v0.1/servers/" + encode(ns + "/typed") + "/versions").then().statusCode(404);

        as(publisher).contentType("application/json; charset=utf-8").body(Docs.publicRemote(ns + "/typed", "1.0.0"))
                .post("/v0.1/publish").then().statusCode(200);
        as(publisher).contentType(ContentType.JSON).body(Docs.publicRemote(ns + "/typed", "1.1.0"))
                .post("/v0/publish").then().statusCode(200);
    }

    @Test
    void everyOperationThatTakesABodyTakesJsonOnly() {
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON)
                .get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath().getMap("paths");
        int operations = 0;
        for (var path : paths.entrySet()) {
            String url = path.getKey().replace("{serverName}", "com.example%2Fweather").replace("{version}", "1.0.0")
                    .replace("{namespace}", "com.example").replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
            for (var operation : path.getValue().entrySet()) {
                if (!(operation.getValue() instanceof Map<?, ?> details) || !details.containsKey("requestBody")) {
                    continue;
                }
                operations++;
                as(ADMIN).contentType("text/plain").body("{}").request(operation.getKey().toUpperCase(), url).then()
                        .statusCode(415).contentType(Problem.MEDIA_TYPE)
                        .body("errors.ruleId", contains("unsupported-media-type"));
            }
        }
        assertThat(operations).as("operations with a body").isGreaterThan(20);
    }

    @Test
    void wrongMethodsAndUnacceptableTypesAreProblemDocuments() {
        as(ADMIN).delete("/v0.1/servers").then().statusCode(405).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(405));
        as(ADMIN).accept("application/xml").get("/v0.1/servers").then().statusCode(406)
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(406));
    }
}
