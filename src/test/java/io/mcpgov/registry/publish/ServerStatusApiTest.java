package io.mcpgov.registry.publish;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RegistryTest
class ServerStatusApiTest {

    private static final String OFFICIAL = "_meta.'io.modelcontextprotocol.registry/official'";

    private final String team = "team-status";
    private final String publisher = Api.publisher("sam", team);

    private String server(String... versions) {
        String name = Api.freshNamespace(team) + "/svc";
        for (String v : versions) {
            Api.publishOk(publisher, Docs.publicRemote(name, v));
        }
        return name;
    }

    private String statusPath(String name, String version) {
        return "/v0.1/servers/" + encode(name) + "/versions/" + encode(version) + "/status";
    }

    private String latestVersion(String name) {
        return as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().statusCode(200)
                .extract().path("server.version");
    }

    @Test
    void deprecateKeepsTheVersionListedWithItsMessage() {
        String name = server("1.0.0");
        as(publisher).body(Map.of("status", "deprecated", "statusMessage", "Use 2.x")).patch(statusPath(name, "1.0.0"))
                .then().statusCode(200)
                .body(OFFICIAL + ".status", equalTo("deprecated"))
                .body(OFFICIAL + ".statusMessage", equalTo("Use 2.x"));
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/1.0.0").then().statusCode(200)
                .body(OFFICIAL + ".status", equalTo("deprecated"));
    }

    @Test
    void deletingTheLatestMovesLatestToTheHighestRemainingVersion() {
        String name = server("1.0.0", "3.0.0", "2.0.0");
        assertThat(latestVersion(name)).isEqualTo("3.0.0");
        as(publisher).body(Map.of("status", "deleted")).patch(statusPath(name, "3.0.0")).then().statusCode(200)
                .body(OFFICIAL + ".isLatest", equalTo(false));
        assertThat(latestVersion(name)).isEqualTo("2.0.0");

        as(publisher).body(Map.of("status", "active")).patch(statusPath(name, "3.0.0")).then().statusCode(200)
                .body(OFFICIAL + ".isLatest", equalTo(true));
        assertThat(latestVersion(name)).isEqualTo("3.0.0");
    }

    @Test
    void deletingEveryVersionLeavesNoLatest() {
        String name = server("1.0.0", "1.1.0");
        as(publisher).body(Map.of("status", "deleted", "statusMessage", "retired")).patch("/v0.1/servers/" + encode(name) + "/status")
                .then().statusCode(200)
                .body("updatedCount", equalTo(2))
                .body("servers." + OFFICIAL.replace("_meta.", "_meta.") + ".status", equalTo(List.of("deleted", "deleted")));
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().statusCode(404);
        as(AGENT).queryParam("include_deleted", "true").get("/v0.1/servers/" + encode(name) + "/versions").then()
                .statusCode(200)
                .body("servers." + OFFICIAL + ".isLatest", equalTo(List.of(false, false)));
    }

    @Test
    void allVersionsReportsOnlyTheVersionsThatChanged() {
        String name = server("1.0.0", "1.1.0", "1.2.0");
        as(publisher).body(Map.of("status", "deprecated")).patch(statusPath(name, "1.0.0")).then().statusCode(200);
        as(publisher).body(Map.of("status", "deprecated")).patch("/v0.1/servers/" + encode(name) + "/status")
                .then().statusCode(200)
                .body("updatedCount", equalTo(2))
                .body("servers.server.version", equalTo(List.of("1.1.0", "1.2.0")));
    }

    @Test
    void invalidRequestsAreRefusedWithTheirRule() {
        String name = server("1.0.0");
        as(publisher).body(Map.of("status", "archived")).patch(statusPath(name, "1.0.0")).then().statusCode(400)
                .body("errors.ruleId", hasItem("status-invalid"));
        as(publisher).body(Map.of("status", "active", "statusMessage", "hi")).patch(statusPath(name, "1.0.0"))
                .then().statusCode(400).body("errors.ruleId", hasItem("status-message-with-active"));
        as(publisher).body(Map.of("status", "deprecated", "statusMessage", "x".repeat(501))).patch(statusPath(name, "1.0.0"))
                .then().statusCode(400).body("errors.ruleId", hasItem("status-message-too-long"));
        as(publisher).body(Map.of("status", "active")).patch(statusPath(name, "1.0.0")).then().statusCode(422)
                .body("errors.ruleId", hasItem("status-unchanged"));
        as(publisher).body("{not json").patch(statusPath(name, "1.0.0")).then().statusCode(400);
        as(publisher).body(Map.of("status", "deleted")).patch(statusPath(name, "9.9.9")).then().statusCode(404);
    }

    @Test
    void onlyTheOwningTeamOrAnAdminChangesStatus() {
        String name = server("1.0.0");
        String otherTeam = Api.publisher("oscar", "team-other");
        as(otherTeam).body(Map.of("status", "deprecated")).patch(statusPath(name, "1.0.0")).then().statusCode(403)
                .body("errors[0].ruleId", equalTo("namespace-not-owned"));
        as(AGENT).body(Map.of("status", "deprecated")).patch(statusPath(name, "1.0.0")).then().statusCode(403);
        Api.anonymous().body(Map.of("status", "deprecated")).patch(statusPath(name, "1.0.0")).then().statusCode(401);
        as(ADMIN).body(Map.of("status", "deprecated")).patch(statusPath(name, "1.0.0")).then().statusCode(200);
    }

    @Test
    void statusChangesAreAudited() {
        String name = server("1.0.0");
        as(publisher).body(Map.of("status", "deprecated", "statusMessage", "old")).patch(statusPath(name, "1.0.0"))
                .then().statusCode(200);
        as(Api.AUDITOR).queryParam("targetId", encode(name + "@1.0.0")).queryParam("action", "server.status-changed")
                .get(Api.X + "/audit").then().statusCode(200)
                .body("events.size()", equalTo(1))
                .body("events[0].actor.subject", equalTo("sam"))
                .body("events[0].before.status", equalTo("active"))
                .body("events[0].after.status", equalTo("deprecated"))
                .body("events[0].after.statusMessage", equalTo("old"));
    }
}
