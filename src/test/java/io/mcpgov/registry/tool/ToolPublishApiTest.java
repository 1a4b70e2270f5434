package io.mcpgov.registry.tool;

import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static io.mcpgov.registry.tool.ToolDocs.DELETE;
import static io.mcpgov.registry.tool.ToolDocs.GET;
import static io.mcpgov.registry.tool.ToolDocs.GOV;
import static io.mcpgov.registry.tool.ToolDocs.SET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tools in published entries: the agent view in _meta, refusals at publish, changes between versions. */
@QuarkusTest
@RegistryTest
class ToolPublishApiTest {

    private static final String TEAM = "team-tools";
    private static final String PUBLISHER = Api.publisher("pat", TEAM);

    private static String server(String leaf) {
        return Api.freshNamespace(TEAM) + "/" + leaf;
    }

    @Test
    void agentsSeeEveryToolWithItsEntitlementsAndUnapprovedDestructiveToolsAsUnavailable() {
        String name = server("weather");
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.0", GET, SET, DELETE));

        JsonPath meta = as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().statusCode(200)
                .extract().jsonPath().setRootPath(GOV);
        assertThat(meta.getList("tools.name")).containsExactly("get_forecast", "set_alert", "delete_alerts");
        assertThat(meta.getList("tools.classification")).containsExactly("read-only", "write", "destructive");
        assertThat(meta.getList("tools.approval")).containsExactly("not-required", "not-required", "pending");
        assertThat(meta.getList("tools.available")).containsExactly(true, true, false);
        assertThat(meta.getList("tools.idempotent")).containsExactly(true, true, false);
        assertThat(meta.getList("tools.openWorld")).containsExactly(false, true, true);
        assertThat(meta.getList("tools.scopes")).containsExactly(List.of("w.read"), List.of("w.write"), List.of("w.delete"));
        assertThat(meta.getString("tools[0].title")).isEqualTo("Get forecast");
        assertThat(meta.getString("tools[2].reviewId")).isNotBlank();
        assertThat(meta.getString("tools[0].definitionHash")).hasSize(64);
        assertThat(meta.getMap("")).doesNotContainKey("toolChanges");

        // the same in lists, so pages stay one query
        as(AGENT).queryParam("search", name).get("/v0.1/servers").then().statusCode(200)
                .body("servers[0]." + GOV + ".tools.available", equalTo(List.of(true, true, false)));
    }

    @Test
    void thePublishResponseCarriesTheToolsAndAnEntryWithoutADeclarationHasNoToolsMember() {
        String name = server("plain");
        as(PUBLISHER).body(ToolDocs.oauthWithoutTools(name, "1.0.0")).post("/v0.1/publish").then().statusCode(200)
                .body(GOV, not(hasKey("tools")));
        String other = server("declared");
        as(PUBLISHER).body(ToolDocs.oauth(other, "1.0.0", GET)).post("/v0.1/publish").then().statusCode(200)
                .body(GOV + ".tools.name", equalTo(List.of("get_forecast")));
        String empty = server("empty");
        as(PUBLISHER).body(ToolDocs.oauth(empty, "1.0.0")).post("/v0.1/publish").then().statusCode(200)
                .body(GOV + ".tools", equalTo(List.of()));
    }

    @Test
    void wrongDeclarationsAreRefusedWithEveryRuleIdAndNothingIsStored() {
        String name = server("bad");
        String badName = "{\"name\":\"get forecast\",\"annotations\":{\"readOnlyHint\":true},\"scopes\":[\"w.read\"]}";
        String sharesRead = "{\"name\":\"wipe\",\"scopes\":[\"w.read\"]}";
        String noScope = "{\"name\":\"noscope\",\"annotations\":{\"readOnlyHint\":true}}";
        String unsupported = "{\"name\":\"other\",\"annotations\":{\"readOnlyHint\":true},\"scopes\":[\"w.unknown\"]}";
        String base = "/_meta/io.mcpgov.registry~1governance/tools";
        JsonPath problem = as(PUBLISHER).body(ToolDocs.oauth(name, "1.0.0", GET, badName, sharesRead, noScope, unsupported, GET))
                .post("/v0.1/publish").then().statusCode(422).contentType("application/problem+json")
                .extract().jsonPath();
        List<Map<String, String>> errors = problem.getList("errors");
        assertThat(errors).extracting(e -> e.get("ruleId") + " " + e.get("path")).containsExactlyInAnyOrder(
                "tool-name-invalid " + base + "/1/name",
                "tool-scope-shared " + base + "/2/scopes/0",
                "tool-scope-missing " + base + "/3",
                "tool-scope-unsupported " + base + "/4/scopes/0",
                "tool-name-duplicate " + base + "/5/name");
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().statusCode(404);
    }

    @Test
    void validateReportsTheSameRefusals() {
        String name = server("validated");
        as(AGENT).body(ToolDocs.oauth(name, "1.0.0", GET, GET)).post("/v0.1/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("issues.ruleId", hasItem("tool-name-duplicate"));
        as(AGENT).body(ToolDocs.oauth(name, "1.0.0", GET, SET, DELETE)).post("/v0.1/validate").then().statusCode(200)
                .body("valid", equalTo(true));
    }

    @Test
    void theToolDeclarationIsSchemaChecked() {
        String name = server("schema");
        String misspelt = "{\"name\":\"x\",\"scope\":[\"w.read\"],\"annotations\":{\"readOnlyHint\":true}}";
        String notBoolean = "{\"name\":\"y\",\"annotations\":{\"readOnlyHint\":\"yes\"},\"scopes\":[\"w.read\"]}";
        String noName = "{\"scopes\":[\"w.read\"]}";
        List<String> ids = as(PUBLISHER).body(ToolDocs.oauth(name, "1.0.0", misspelt, notBoolean, noName))
                .post("/v0.1/publish").then().statusCode(422).extract().jsonPath().getList("errors.ruleId");
        assertThat(ids).contains("governance-additional-properties", "governance-type", "governance-required");
    }

    @Test
    void aServerWithoutOauthMayDeclareToolsWithoutScopesButNotWithScopes() {
        String name = server("keyed");
        as(PUBLISHER).body(ToolDocs.apiKey(name, "1.0.0", "{\"name\":\"search\",\"annotations\":{\"readOnlyHint\":true}}"))
                .post("/v0.1/publish").then().statusCode(200)
                .body(GOV + ".tools[0].classification", equalTo("read-only"));
        as(PUBLISHER).body(ToolDocs.apiKey(server("keyed2"), "1.0.0", GET)).post("/v0.1/publish").then().statusCode(422)
                .body("errors[0].ruleId", equalTo("tool-scope-unsupported"));
    }

    @Test
    void omnibusScopesAreFlaggedForReviewNotRefused() {
        String name = server("broad");
        String admin = "{\"name\":\"admin_console\",\"annotations\":{\"destructiveHint\":false},\"scopes\":[\"w.admin\"]}";
        JsonPath meta = as(PUBLISHER).body(ToolDocs.oauth(name, "1.0.0", GET, admin)).post("/v0.1/publish").then()
                .statusCode(200).extract().jsonPath().setRootPath(GOV);
        assertThat(meta.getList("tools[1].findings.ruleId")).containsExactly("tool-scope-omnibus");
        assertThat(meta.getString("tools[1].approval")).isEqualTo("pending");
        assertThat(meta.getBoolean("tools[1].available")).as("a flag, not a gate").isTrue();
        assertThat(meta.getString("tools[0].findings")).isNull();
        as(Api.REVIEWER).queryParam("serverName", name).get(X + "/tool-reviews").then().statusCode(200)
                .body("reviews.toolName", equalTo(List.of("admin_console")))
                .body("reviews[0].reasons", equalTo(List.of("tool-scope-omnibus")))
                .body("reviews[0].requiresApproval", equalTo(false));
    }

    @Test
    void changesAgainstThePreviousVersionAreVisibleOnPublishAndOnTheVersion() {
        String name = server("changing");
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.0", GET, SET, DELETE));
        String setNowDestructive = "{\"name\":\"set_alert\",\"description\":\"Create an alert\",\"scopes\":[\"w.write\"]}";
        String deleteMoreScopes = "{\"name\":\"delete_alerts\",\"description\":\"Delete every alert\",\"scopes\":[\"w.delete\",\"w.write\"]}";
        String added = "{\"name\":\"list_alerts\",\"annotations\":{\"readOnlyHint\":true},\"scopes\":[\"w.read\"]}";
        JsonPath changes = as(PUBLISHER).body(ToolDocs.oauth(name, "1.1.0", setNowDestructive, deleteMoreScopes, added))
                .post("/v0.1/publish").then().statusCode(200).extract().jsonPath().setRootPath(GOV + ".toolChanges");
        assertThat(changes.getString("previousVersion")).isEqualTo("1.0.0");
        assertThat(changes.getList("added")).containsExactly("list_alerts");
        assertThat(changes.getList("removed")).containsExactly("get_forecast");
        assertThat(changes.getList("moreDangerous")).containsExactly(Map.of("name", "set_alert", "from", "write", "to", "destructive"));
        assertThat(changes.getList("scopesChanged")).containsExactly(
                Map.of("name", "delete_alerts", "added", List.of("w.write"), "removed", List.of()));
        assertThat(changes.getList("definitionChanged")).containsExactly("set_alert", "delete_alerts");

        JsonPath tools = as(AGENT).get(X + "/servers/" + encode(name) + "/versions/1.1.0/tools").then().statusCode(200)
                .extract().jsonPath();
        assertThat(tools.getBoolean("declared")).isTrue();
        assertThat(tools.getString("version")).isEqualTo("1.1.0");
        assertThat(tools.getList("changes.added")).containsExactly("list_alerts");
        assertThat(tools.getList("tools.name")).containsExactly("set_alert", "delete_alerts", "list_alerts");
        assertThat(tools.getString("tools[1].definition.description")).isEqualTo("Delete every alert");
        assertThat(tools.getList("tools.available")).containsExactly(false, false, true);

        as(AGENT).get(X + "/servers/" + encode(name) + "/versions/1.0.0/tools").then().statusCode(200)
                .body("changes", nullValue())
                .body("tools[0].definition.inputSchema.properties.city.type", equalTo("string"));
        as(AGENT).get(X + "/servers/" + encode(name) + "/versions/latest/tools").then().statusCode(200)
                .body("version", equalTo("1.1.0"));
    }

    @Test
    void aLowerVersionPublishedLaterIsComparedWithTheVersionBelowIt() {
        String name = server("backport");
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.0", GET));
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "2.0.0", GET, SET));
        as(PUBLISHER).body(ToolDocs.oauth(name, "1.0.1", GET, DELETE)).post("/v0.1/publish").then().statusCode(200)
                .body(GOV + ".toolChanges.previousVersion", equalTo("1.0.0"))
                .body(GOV + ".toolChanges.added", equalTo(List.of("delete_alerts")));
    }

    @Test
    void publishingToolsIsAudited() {
        String name = server("audited");
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.0", GET, DELETE));
        JsonPath events = as(AUDITOR).queryParam("targetId", name + "@1.0.0").queryParam("action", "tools.recorded")
                .get(X + "/audit").then().statusCode(200).extract().jsonPath();
        assertThat(events.getList("events")).hasSize(1);
        assertThat(events.getString("events[0].actor.subject")).isEqualTo("pat");
        assertThat(events.getList("events[0].after.tools.name")).containsExactly("get_forecast", "delete_alerts");
        assertThat(events.getList("events[0].after.tools.approval")).containsExactly("not-required", "pending");
        String reviewId = as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/1.0.0").then().statusCode(200)
                .extract().path(GOV + ".tools[1].reviewId");
        as(AUDITOR).queryParam("targetId", reviewId).get(X + "/audit").then().statusCode(200)
                .body("events.action", equalTo(List.of("tool-review.requested")))
                .body("events[0].after.serverName", equalTo(name))
                .body("events[0].after.state", equalTo("pending"));
    }

    @Test
    void hiddenEntriesToolsAre404ForAgents() {
        String name = server("hidden");
        Api.publishOk(PUBLISHER, ToolDocs.apiKey(name, "1.0.0", "{\"name\":\"search\"}"));
        as(AGENT).get(X + "/servers/" + encode(name) + "/versions/1.0.0/tools").then().statusCode(404);
        as(PUBLISHER).get(X + "/servers/" + encode(name) + "/versions/1.0.0/tools").then().statusCode(200)
                .body("tools[0].name", equalTo("search"));
        as(AGENT).get(X + "/servers/" + encode("com.absent/none") + "/versions/latest/tools").then().statusCode(404);
    }
}
