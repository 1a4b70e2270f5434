package io.mcpgov.registry.policy;

import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.hamcrest.Matchers.equalTo;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented policy switches, all flipped from their defaults in one profile. */
@QuarkusTest
@RegistryTest
@TestProfile(PolicySwitchesTest.Switched.class)
class PolicySwitchesTest {

    public static class Switched implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "registry.read.anonymous", "true",
                    "registry.policy.list-unauthenticated", "false",
                    "registry.policy.packages-with-secrets-are-api-key", "false",
                    "registry.security.roles.agent", "mcp-reader,agent");
        }
    }

    private static final String GOV = "_meta.'io.mcpgov.registry/governance'";
    private final String publisher = Api.publisher("pat", "team-switch");

    @Test
    void anonymousReadersSeeListedEntriesOnly() {
        String ns = Api.freshNamespace("team-switch");
        Api.publishOk(publisher, Docs.oauthRemote(ns + "/oauth", "1.0.0"));
        Api.publishOk(publisher, Docs.apiKeyRemote(ns + "/keyed", "1.0.0"));
        Api.anonymous().get("/v0.1/servers/" + encode(ns + "/oauth") + "/versions/latest").then().statusCode(200);
        Api.anonymous().get("/v0.1/servers/" + encode(ns + "/keyed") + "/versions/latest").then().statusCode(404);
        Api.anonymous().queryParam("search", encode(ns)).get("/v0.1/servers").then().statusCode(200)
                .body("servers.size()", equalTo(1));
        // a token is still checked when one is sent
        as("garbage").get("/v0.1/servers").then().statusCode(401);
    }

    @Test
    void unauthenticatedRemotesAreHiddenWhenThePolicySaysSo() {
        String name = Api.freshNamespace("team-switch") + "/public";
        as(publisher).body(Docs.publicRemote(name, "1.0.0")).post("/v0.1/publish").then().statusCode(200)
                .body(GOV + ".listed", equalTo(false))
                .body(GOV + ".reasons[0].ruleId", equalTo("unauthenticated-remote"));
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().statusCode(404);
    }

    @Test
    void packagesWithSecretsAreListedWhenTheyDoNotCount() {
        String name = Api.freshNamespace("team-switch") + "/pkg";
        String doc = """
                {"$schema":"%s","name":"%s","description":"Local server","version":"1.0.0",
                 "packages":[{"registryType":"npm","identifier":"@acme/pkg","version":"1.0.0","transport":{"type":"stdio"},
                   "environmentVariables":[{"name":"PKG_TOKEN","isSecret":true}]}]}""".formatted(Docs.SCHEMA, name);
        as(publisher).body(doc).post("/v0.1/publish").then().statusCode(200)
                .body(GOV + ".listed", equalTo(true))
                .body(GOV + ".authType", equalTo("api-key"))
                .body(GOV + ".apiKeyOnly", equalTo(false));
    }

    @Test
    void roleNamesAreConfiguration() {
        as(io.mcpgov.registry.support.Tokens.of("reader", "mcp-reader")).get("/v0.1/servers").then().statusCode(200);
    }
}
