package io.mcpgov.registry.tool;

import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static io.mcpgov.registry.tool.ToolDocs.DELETE;
import static io.mcpgov.registry.tool.ToolDocs.GET;
import static io.mcpgov.registry.tool.ToolDocs.GOV;
import static io.mcpgov.registry.tool.ToolDocs.SET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scope plans for agents and their inverse, over HTTP. */
@QuarkusTest
@RegistryTest
class ScopePlanApiTest {

    private static final String TEAM = "team-plans";
    private static final String PUBLISHER = Api.publisher("pat", TEAM);
    private static final String LIST = "{\"name\":\"list_alerts\",\"annotations\":{\"readOnlyHint\":true},\"scopes\":[\"w.read\"]}";

    private static String published() {
        String name = Api.freshNamespace(TEAM) + "/weather";
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.0", GET, LIST, SET, DELETE));
        return name;
    }

    private static String path(String name, String version, String operation) {
        return X + "/servers/" + encode(name) + "/versions/" + version + "/" + operation;
    }

    private static JsonPath plan(String token, String name, String... tools) {
        return as(token).body(Map.of("tools", List.of(tools))).post(path(name, "latest", "scope-plan")).then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void readOnlyToolsNeedOnlyTheReadScopeAndTheServersRequiredOne() {
        String name = published();
        JsonPath plan = plan(AGENT, name, "get_forecast", "list_alerts");
        assertThat(plan.getList("scopes")).containsExactly("mcp.connect", "w.read");
        assertThat(plan.getBoolean("complete")).isTrue();
        assertThat(plan.getList("refusals")).isEmpty();
        assertThat(plan.getString("resource")).isEqualTo("https://" + name.replaceAll("[^a-zA-Z0-9]", "-").toLowerCase() + ".example.com/mcp");
        assertThat(plan.getList("authorizationServers")).containsExactly("https://login.example.com/realms/acme");
        assertThat(plan.getString("protectedResourceMetadata")).contains("/.well-known/oauth-protected-resource/");
        assertThat(plan.getList("requiredByServer")).containsExactly("mcp.connect");
        assertThat(plan.getString("version")).isEqualTo("1.0.0");
        assertThat(plan.getList("tools.name")).containsExactly("get_forecast", "list_alerts");
    }

    @Test
    void aWriteToolAddsItsScopeOnly() {
        assertThat(plan(AGENT, published(), "set_alert").getList("scopes")).containsExactly("mcp.connect", "w.write");
    }

    @Test
    void unknownAndUnapprovedToolsAreRefusedWithTheirReasons() {
        String name = published();
        JsonPath plan = plan(AGENT, name, "get_forecast", "delete_alerts", "drop_database");
        assertThat(plan.getBoolean("complete")).isFalse();
        assertThat(plan.getList("scopes")).containsExactly("mcp.connect", "w.read");
        assertThat(plan.getList("refusals.tool")).containsExactly("delete_alerts", "drop_database");
        assertThat(plan.getList("refusals.ruleId")).containsExactly("tool-not-approved", "tool-unknown");
        assertThat(plan.getString("refusals[0].message")).contains("pending");
    }

    @Test
    void onceApprovedADestructiveToolIsPlanned() {
        String name = published();
        String id = as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().extract()
                .path(GOV + ".tools[3].reviewId");
        as(REVIEWER).body(Map.of("reason", "ok")).post(X + "/tool-reviews/" + id + "/approve").then().statusCode(200);
        JsonPath plan = plan(AGENT, name, "delete_alerts");
        assertThat(plan.getBoolean("complete")).isTrue();
        assertThat(plan.getList("scopes")).containsExactly("mcp.connect", "w.delete");
    }

    @Test
    void aToolWithoutScopeIsRefusedAndHiddenServersAre404ForAgents() {
        String name = Api.freshNamespace(TEAM) + "/keyed";
        Api.publishOk(PUBLISHER, ToolDocs.apiKey(name, "1.0.0", "{\"name\":\"search\",\"annotations\":{\"readOnlyHint\":true}}"));
        as(AGENT).body(Map.of("tools", List.of("search"))).post(path(name, "1.0.0", "scope-plan")).then().statusCode(404);
        as(AGENT).body(Map.of("scopes", List.of("x"))).post(path(name, "1.0.0", "tools-for-scopes")).then().statusCode(404);
        JsonPath plan = plan(PUBLISHER, name, "search");
        assertThat(plan.getList("refusals.ruleId")).containsExactly("tool-no-scope");
        assertThat(plan.getString("resource")).isNull();
        as(AGENT).body(Map.of("tools", List.of("x"))).post(path("com.absent/none", "latest", "scope-plan")).then().statusCode(404);
    }

    @Test
    void scopesUnlockTheToolsTheyCover() {
        String name = published();
        as(AGENT).body(Map.of("scopes", List.of("mcp.connect", "w.read"))).post(path(name, "1.0.0", "tools-for-scopes"))
                .then().statusCode(200)
                .body("unlocked.name", equalTo(List.of("get_forecast", "list_alerts")))
                .body("missingRequiredScopes", equalTo(List.of()))
                .body("unknownScopes", equalTo(List.of()));
        as(AGENT).body(Map.of("scopes", List.of("mcp.connect", "w.delete", "w.bogus"))).post(path(name, "1.0.0", "tools-for-scopes"))
                .then().statusCode(200)
                .body("unlocked.name", equalTo(List.of("delete_alerts")))
                .body("unlocked[0].available", equalTo(false))
                .body("unlocked[0].approval", equalTo("pending"))
                .body("unknownScopes", equalTo(List.of("w.bogus")));
        as(AGENT).body(Map.of("scopes", List.of("w.read", "w.write"))).post(path(name, "1.0.0", "tools-for-scopes"))
                .then().statusCode(200)
                .body("unlocked", equalTo(List.of()))
                .body("missingRequiredScopes", equalTo(List.of("mcp.connect")));
    }

    @Test
    void accessIsCheckedBeforeTheBody() {
        String name = published();
        for (String op : List.of("scope-plan", "tools-for-scopes")) {
            Api.anonymous().body("{}").post(path(name, "latest", op)).then().statusCode(401);
            as(Api.NO_ROLE).body("{}").post(path(name, "latest", op)).then().statusCode(403);
        }
    }

    @Test
    void malformedRequestsAre400() {
        String name = published();
        as(AGENT).body("{}").post(path(name, "latest", "scope-plan")).then().statusCode(400)
                .body("errors[0].ruleId", equalTo("tools-required"));
        as(AGENT).body(Map.of("tools", List.of())).post(path(name, "latest", "scope-plan")).then().statusCode(400);
        as(AGENT).body("{\"tools\":[1, \"\"]}").post(path(name, "latest", "scope-plan")).then().statusCode(400)
                .body("errors.path", equalTo(List.of("/tools/0", "/tools/1")));
        as(AGENT).body("{\"tools\":\"get_forecast\"}").post(path(name, "latest", "scope-plan")).then().statusCode(400);
        as(AGENT).body("{\"scopes\":null}").post(path(name, "latest", "tools-for-scopes")).then().statusCode(400)
                .body("errors[0].ruleId", equalTo("scopes-required"));
        as(AGENT).body("not json").post(path(name, "latest", "scope-plan")).then().statusCode(400);
        String many = "{\"tools\":[" + String.join(",", java.util.Collections.nCopies(201, "\"a\"")) + "]}";
        as(AGENT).body(many).post(path(name, "latest", "scope-plan")).then().statusCode(400)
                .body("errors[0].ruleId", equalTo("too-many-items"));
    }
}
