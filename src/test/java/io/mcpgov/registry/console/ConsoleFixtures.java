package io.mcpgov.registry.console;

import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Servers and requests the console tests look at, each in a namespace of its own. */
final class ConsoleFixtures {

    private ConsoleFixtures() {
    }

    /** An API-key-only server (stored, not listed) owned by {@code team}, published by {@code publisherToken}. */
    static String hiddenServer(String team, String publisherToken) {
        String name = Api.freshNamespace(team) + "/keyed";
        Api.publishOk(publisherToken, Docs.apiKeyRemote(name, "1.0.0"));
        return name;
    }

    /** A pending transitional exception for the server, requested by the token's holder; its id. */
    static String requestException(String token, String serverName) {
        return as(token).body("""
                        {"serverName":"%s","classification":"transitional","justification":"Vendor ships OAuth next quarter",
                         "expiresAt":"%s","compensatingControls":{"rotationDays":30,"keyStorage":"vault:kv/mcp/keyed",
                         "offboardingOwner":"iam-team"}}""".formatted(serverName, Instant.now().plus(30, ChronoUnit.DAYS)))
                .post(X + "/exceptions").then().statusCode(201).extract().path("id");
    }

    /** An OAuth server that declares a read-only tool and a destructive one (which waits for a reviewer). */
    static String toolServer(String team, String publisherToken) {
        String name = Api.freshNamespace(team) + "/tools";
        String url = "https://" + name.replaceAll("[^a-zA-Z0-9]", "-") + ".example.com/mcp";
        Api.publishOk(publisherToken, """
                {"$schema":"%s","name":"%s","description":"Alerts","version":"1.0.0",
                 "remotes":[{"type":"streamable-http","url":"%s"}],
                 "_meta":{"io.mcpgov.registry/governance":{"auth":{"oauth2":{
                    "resource":"%s","authorizationServers":["https://login.example.com/realms/acme"],
                    "scopesSupported":["a.read","a.delete"],"scopesRequired":["a.read"],
                    "clientRegistration":{"mode":"client-id-metadata-document"}}},
                  "tools":[{"name":"list_alerts","annotations":{"readOnlyHint":true},"scopes":["a.read"]},
                           {"name":"delete_alerts","description":"Delete every alert","scopes":["a.delete"]}]}}}"""
                .formatted(Docs.SCHEMA, name, url, url));
        return name;
    }

    /** The id of the pending review of the server's tool. */
    static String pendingToolReview(String serverName) {
        return as(Api.REVIEWER).get(X + "/tool-reviews?state=pending&serverName=" + Api.encode(serverName))
                .then().statusCode(200).extract().path("reviews[0].id");
    }

    static String exceptionState(String id) {
        return as(Api.REVIEWER).get(X + "/exceptions/" + id).then().statusCode(200).extract().path("state");
    }

    static void assertState(String id, String state) {
        as(Api.REVIEWER).get(X + "/exceptions/" + id).then().statusCode(200).body("state", equalTo(state));
    }

    static int agentStatus(String name) {
        return as(Api.AGENT).get("/v0.1/servers/" + Api.encode(name) + "/versions/latest").then().extract().statusCode();
    }
}
