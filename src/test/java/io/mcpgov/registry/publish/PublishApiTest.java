package io.mcpgov.registry.publish;

import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RegistryTest
class PublishApiTest {

    private final String team = "team-publish";
    private final String publisher = Api.publisher("pia", team);

    @Test
    void publishedVersionsAreImmutable() {
        String name = Api.freshNamespace(team) + "/svc";
        Api.publishOk(publisher, Docs.publicRemote(name, "1.0.0"));
        as(publisher).body(Docs.publicRemote(name, "1.0.0").replace("Weather forecasts", "Changed"))
                .post("/v0.1/publish").then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors[0].ruleId", equalTo("version-exists"))
                .body("errors[0].path", equalTo("/version"));
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/1.0.0").then()
                .body("server.description", equalTo("Weather forecasts"));
    }

    @Test
    void concurrentPublishesOfOneVersionLeaveExactlyOne() throws Exception {
        String name = Api.freshNamespace(team) + "/race";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String doc = Docs.publicRemote(name, "1.0.0").replace("Weather forecasts", "Attempt " + i);
                calls.add(() -> as(publisher).body(doc).post("/v0.1/publish").then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
        } finally {
            pool.shutdown();
        }
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions").then().statusCode(200)
                .body("servers.size()", equalTo(1))
                .body("servers[0]._meta.'io.modelcontextprotocol.registry/official'.isLatest", equalTo(true));
    }

    @Test
    void concurrentPublishesOfDifferentVersionsKeepOneLatest() throws Exception {
        String name = Api.freshNamespace(team) + "/many";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                String doc = Docs.publicRemote(name, i + ".0.0");
                calls.add(() -> as(publisher).body(doc).post("/v0.1/publish").then().extract().statusCode());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        List<Boolean> latest = as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions").then().statusCode(200)
                .extract().jsonPath().getList("servers._meta.'io.modelcontextprotocol.registry/official'.isLatest", Boolean.class);
        assertThat(latest).hasSize(6).containsOnlyOnce(true);
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().body("server.version", equalTo("6.0.0"));
    }

    @Test
    void twoServersMayNotShareARemoteUrl() {
        String ns = Api.freshNamespace(team);
        String first = Docs.publicRemote(ns + "/first", "1.0.0");
        Api.publishOk(publisher, first);
        String second = first.replace(ns + "/first\"", ns + "/second\"");
        as(publisher).body(second).post("/v0.1/publish").then().statusCode(409)
                .body("errors[0].ruleId", equalTo("remote-url-taken"))
                .body("errors[0].path", equalTo("/remotes/0/url"));
        // the same server may keep its URL across versions
        Api.publishOk(publisher, first.replace("\"1.0.0\"", "\"1.1.0\""));
    }

    @Test
    void aNamespaceOfAnotherTeamIsForbiddenAndTheRefusalNamesTheCallersNamespaces() {
        String mine = Api.freshNamespace(team);
        String theirs = Api.freshNamespace("team-elsewhere");
        as(publisher).body(Docs.publicRemote(theirs + "/svc", "1.0.0")).post("/v0.1/publish").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString(mine))
                .body("detail", not(containsString("pia")))
                .body("errors[0].ruleId", equalTo("namespace-not-owned"));
        as(publisher).body(Docs.publicRemote("org.unmapped" + System.nanoTime() + "/svc", "1.0.0")).post("/v0.1/publish")
                .then().statusCode(403);
    }

    @Test
    void subNamespacesFollowTheMappingThatIncludesThem() {
        String parent = "org.parent" + System.nanoTime();
        as(Api.ADMIN).body("{\"owningTeam\":\"" + team + "\",\"includeSubnamespaces\":true}")
                .put(Api.X + "/namespaces/" + parent).then().statusCode(200);
        Api.publishOk(publisher, Docs.publicRemote(parent + ".eu.west/svc", "1.0.0"));
        as(Api.ADMIN).body("{\"owningTeam\":\"team-eu\"}").put(Api.X + "/namespaces/" + parent + ".eu").then().statusCode(200);
        as(publisher).body(Docs.publicRemote(parent + ".eu/svc", "1.0.0")).post("/v0.1/publish").then().statusCode(403);
        Api.publishOk(Api.publisher("eve", "team-eu"), Docs.publicRemote(parent + ".eu/svc", "1.0.0"));
    }

    @Test
    void theEntryRecordsItsOwningTeamAndAccountableOwner() {
        String name = Api.freshNamespace(team) + "/owned";
        as(publisher).body(Docs.publicRemote(name, "1.0.0")).post("/v0.1/publish").then().statusCode(200)
                .body("_meta.'io.mcpgov.registry/governance'.owner.team", equalTo(team))
                .body("_meta.'io.mcpgov.registry/governance'.owner.accountableOwner", equalTo("pia"));
    }

    @Test
    void malformedBodiesAre400ProblemsWithoutInternals() {
        String ns = Api.freshNamespace(team);
        List<byte[]> bodies = List.of(
                "".getBytes(StandardCharsets.UTF_8),
                "{\"name\":".getBytes(StandardCharsets.UTF_8),
                "[1,2]".getBytes(StandardCharsets.UTF_8),
                "\"text\"".getBytes(StandardCharsets.UTF_8),
                "{\"name\":\"a\",\"name\":\"b\"}".getBytes(StandardCharsets.UTF_8),
                ("{\"name\":\"" + ns + "/x\",\"description\":\"a\u0000b\"}").getBytes(StandardCharsets.UTF_8),
                ("{\"name\":\"" + ns + "/x\",\"description\":\"a\\u0000b\"}").getBytes(StandardCharsets.UTF_8),
                ("{\"name\":\"" + ns + "/x\",\"description\":\"\\ud800\"}").getBytes(StandardCharsets.UTF_8),
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'},
                ("{\"a\":" + "[".repeat(200) + "]".repeat(200) + "}").getBytes(StandardCharsets.UTF_8),
                "{} {}".getBytes(StandardCharsets.UTF_8));
        for (byte[] body : bodies) {
            String response = as(publisher).body(body).post("/v0.1/publish").then()
                    .statusCode(400).contentType("application/problem+json")
                    .extract().asString();
            assertThat(response).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("jackson");
        }
    }

    @Test
    void oversizedBodiesAre413() {
        String ns = Api.freshNamespace(team);
        String huge = Docs.publicRemote(ns + "/big", "1.0.0").replace("\"Weather forecasts\"",
                "\"Weather\",\"_meta\":{\"x\":\"" + "a".repeat(600_000) + "\"}");
        as(publisher).body(huge).post("/v0.1/publish").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        String ns = Api.freshNamespace(team);
        String doc = """
                {"$schema":"%s","name":"%s/bad","version":"latest","title":"  ",
                 "remotes":[{"type":"streamable-http","url":"http://insecure.example.com/mcp"}]}"""
                .formatted(Docs.SCHEMA, ns);
        List<String> rules = as(publisher).body(doc).post("/v0.1/publish").then().statusCode(422)
                .contentType("application/problem+json")
                .extract().jsonPath().getList("errors.ruleId", String.class);
        assertThat(rules.size()).isGreaterThanOrEqualTo(3);
        assertThat(rules).contains("version-latest-reserved");
        as(AGENT).get("/v0.1/servers/" + encode(ns + "/bad") + "/versions").then().statusCode(404);
    }

    @Test
    void validateChecksWithoutStoring() {
        String ns = Api.freshNamespace(team);
        as(publisher).body(Docs.publicRemote(ns + "/dry", "1.0.0")).post("/v0.1/validate").then().statusCode(200)
                .body("valid", equalTo(true));
        as(publisher).body(Docs.publicRemote(ns + "/dry", "latest")).post("/v0.1/validate").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("issues.ruleId", hasItem("version-latest-reserved"))
                .body("issues.severity", hasItem("error"));
        as(AGENT).get("/v0.1/servers/" + encode(ns + "/dry") + "/versions").then().statusCode(404);
        as(publisher).body("nope").post("/v0.1/validate").then().statusCode(400);
        Api.anonymous().body(Docs.publicRemote(ns + "/dry", "1.0.0")).post("/v0.1/validate").then().statusCode(401);
    }

    @Test
    void publishIsAuditedInTheSameTransaction() {
        String name = Api.freshNamespace(team) + "/audited";
        Api.publishOk(publisher, Docs.publicRemote(name, "1.0.0"));
        as(Api.AUDITOR).queryParam("targetId", encode(name + "@1.0.0")).get(Api.X + "/audit").then().statusCode(200)
                .body("events.size()", equalTo(1))
                .body("events[0].action", equalTo("server.published"))
                .body("events[0].actor.subject", equalTo("pia"))
                .body("events[0].actor.roles", hasItem("publisher"))
                .body("events[0].after.owningTeam", equalTo(team));
        // a refused publish leaves no event
        String refused = Api.freshNamespace(team) + "/refused";
        as(publisher).body(Docs.publicRemote(refused, "latest")).post("/v0.1/publish").then().statusCode(422);
        as(Api.AUDITOR).queryParam("targetId", encode(refused + "@latest")).get(Api.X + "/audit").then()
                .body("events.size()", equalTo(0));
    }
}
