package io.mcpgov.registry.admission;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The widening rules no other HTTP test reaches, through publish to a pending admission. */
@QuarkusTest
@RegistryTest
class AdmissionWideningApiTest {

    private static final String GOV = "_meta.'io.mcpgov.registry/governance'";
    private static final String TEAM = "team-widening";
    private static final String PUBLISHER = Api.publisher("wendy", TEAM);

    /**
     * A server reached through {@code remotes} (the first declares OAuth with {@code scopes}), {@code packages} and
     * one tool, get_forecast, read-only or not.
     */
    private static String doc(String name, String version, List<String> remotes, String packages, String scopes,
            boolean readOnly) {
        String remoteList = String.join(",", remotes.stream()
                .map(url -> "{\"type\":\"streamable-http\",\"url\":\"" + url + "\"}").toList());
        String annotations = readOnly ? "{\"readOnlyHint\":true}" : "{\"readOnlyHint\":false,\"destructiveHint\":true}";
        return """
                {"$schema":"%s","name":"%s","description":"Weather","version":"%s","remotes":[%s],"packages":[%s],
                 "_meta":{"io.mcpgov.registry/governance":{"auth":{"oauth2":{
                    "resource":"%s","authorizationServers":["https://login.example.com/realms/acme"],
                    "scopesSupported":[%s],"scopesRequired":["weather.read"],
                    "clientRegistration":{"mode":"client-id-metadata-document"}}},
                  "tools":[{"name":"get_forecast","annotations":%s,"scopes":["weather.read"]}]}}}"""
                .formatted(Docs.SCHEMA, name, version, remoteList, packages, remotes.get(0), scopes, annotations);
    }

    private static String npm(String identifier, boolean secret) {
        String env = secret
                ? ",\"environmentVariables\":[{\"name\":\"WEATHER_TOKEN\",\"isSecret\":true,\"isRequired\":true}]"
                : "";
        return "{\"registryType\":\"npm\",\"identifier\":\"" + identifier + "\",\"version\":\"1.0.0\","
                + "\"transport\":{\"type\":\"stdio\"}" + env + "}";
    }

    private static String pendingId(String name, String version) {
        return as(REVIEWER).queryParam("serverName", encode(name)).queryParam("state", "pending")
                .get(X + "/admissions").then().statusCode(200).extract().jsonPath()
                .getList("admissions", Map.class).stream().filter(a -> version.equals(a.get("version")))
                .map(a -> (String) a.get("id")).findFirst().orElseThrow();
    }

    @Test
    void aVersionThatAddsARemoteAPackageASecretAScopeAndDangerWaitsWithEachFinding() {
        String ns = "com.widening" + System.nanoTime();
        as(ADMIN).body(Map.of("owningTeam", TEAM, "admission", "review")).put(X + "/namespaces/" + ns).then()
                .statusCode(200);
        String name = ns + "/weather";
        String host = "https://" + ns.replace('.', '-') + ".example.com";
        String first = host + "/mcp";
        String second = host + "/mcp/alerts";

        Api.publishOk(PUBLISHER, doc(name, "1.0.0", List.of(first), npm("@acme/weather", false), "\"weather.read\"",
                true));
        as(REVIEWER).body(Map.of("reason", "First version reviewed")).post(X + "/admissions/" + pendingId(name, "1.0.0")
                + "/admit").then().statusCode(200);

        // the same reach again: admitted at once
        as(PUBLISHER).body(doc(name, "1.0.1", List.of(first), npm("@acme/weather", false), "\"weather.read\"", true))
                .post("/v0.1/publish").then().statusCode(200).body(GOV + ".admission", equalTo(null));

        as(PUBLISHER).body(doc(name, "2.0.0", List.of(first, second),
                        npm("@acme/weather", true) + "," + npm("@acme/weather-cli", false),
                        "\"weather.read\",\"weather.admin\"", false))
                .post("/v0.1/publish").then().statusCode(200)
                .body(GOV + ".admission.state", equalTo("pending"))
                .body(GOV + ".reasons.ruleId", equalTo(List.of("admission-pending")));
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().statusCode(200)
                .body("server.version", equalTo("1.0.1"));

        JsonPath request = as(REVIEWER).get(X + "/admissions/" + pendingId(name, "2.0.0")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(request.getString("baselineVersion")).isEqualTo("1.0.1");
        assertThat(request.getList("widening.rule", String.class)).containsExactlyInAnyOrder("remote-added",
                "package-added", "package-auth-changed", "scope-added", "tool-more-dangerous");
        Map<String, String> subjects = new java.util.HashMap<>();
        request.getList("widening", Map.class)
                .forEach(f -> subjects.put((String) f.get("rule"), (String) f.get("subject")));
        assertThat(subjects).containsEntry("remote-added", second)
                .containsEntry("package-added", "npm:@acme/weather-cli")
                .containsEntry("package-auth-changed", "npm:@acme/weather")
                .containsEntry("scope-added", "weather.admin")
                .containsEntry("tool-more-dangerous", "get_forecast");
    }
}
