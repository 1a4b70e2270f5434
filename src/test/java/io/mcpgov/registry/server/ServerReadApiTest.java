package io.mcpgov.registry.server;

import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@QuarkusTest
@RegistryTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerReadApiTest {

    private String ns;
    private String publisher;
    private final List<String> published = new ArrayList<>();

    @BeforeEach
    void publishFixtures() {
        if (ns != null) {
            return;
        }
        ns = Api.freshNamespace("team-read");
        publisher = Api.publisher("pat", "team-read");
        for (int s = 0; s < 7; s++) {
            for (String v : List.of("1.0.0", "1.2.0", "1.10.0")) {
                String name = ns + "/server-" + s;
                Api.publishOk(publisher, Docs.publicRemote(name, v));
                published.add(name + ":" + v);
            }
        }
    }

    @Test
    void pagesCoverEveryVersionOnceInNameThenVersionOrder() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = as(AGENT).queryParam("limit", 4).queryParam("search", encode(ns + "/server-"));
            if (cursor != null) {
                spec.queryParam("cursor", encode(cursor));
            }
            JsonPath page = spec.get("/v0.1/servers").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("servers.server");
            assertThat(items).hasSizeLessThanOrEqualTo(4);
            assertThat(page.getInt("metadata.count")).isEqualTo(items.size());
            items.forEach(i -> seen.add(i.get("name") + ":" + i.get("version")));
            cursor = page.getString("metadata.nextCursor");
            pages++;
        } while (cursor != null && pages < 20);

        assertThat(seen).hasSize(published.size()).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(new HashSet<>(published));
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(null);
        assertThat(seen).isEqualTo(sorted);
        assertThat(pages).isEqualTo(6);
    }

    @Test
    void noCursorWhenTheLastPageIsExactlyFull() {
        as(AGENT).queryParam("search", encode(ns + "/server-0")).queryParam("limit", 3).get("/v0.1/servers")
                .then().statusCode(200)
                .body("metadata.count", equalTo(3))
                .body("metadata.nextCursor", nullValue());
    }

    @Test
    void latestFollowsSemverNotPublicationOrder() {
        JsonPath latest = as(AGENT).queryParam("search", encode(ns + "/server-")).queryParam("version", "latest")
                .queryParam("limit", 100).get("/v0.1/servers").then().statusCode(200).extract().jsonPath();
        assertThat(latest.getList("servers.server.version", String.class)).hasSize(7).containsOnly("1.10.0");
        assertThat(latest.getList("servers._meta.'io.modelcontextprotocol.registry/official'.isLatest", Boolean.class))
                .containsOnly(true);

        as(AGENT).get("/v0.1/servers/" + encode(ns + "/server-3") + "/versions/latest").then().statusCode(200)
                .body("server.version", equalTo("1.10.0"));
    }

    @Test
    void exactVersionFilter() {
        as(AGENT).queryParam("search", encode(ns + "/")).queryParam("version", "1.2.0").queryParam("limit", 100)
                .get("/v0.1/servers").then().statusCode(200)
                .body("servers.size()", equalTo(7));
    }

    @Test
    void versionsNewestPublishedFirst() {
        as(AGENT).get("/v0.1/servers/" + encode(ns + "/server-1") + "/versions").then().statusCode(200)
                .body("servers.server.version", equalTo(List.of("1.10.0", "1.2.0", "1.0.0")))
                .body("metadata.count", equalTo(3));
    }

    @Test
    void itemShapeMatchesTheOfficialApi() {
        as(AGENT).get("/v0.1/servers/" + encode(ns + "/server-2") + "/versions/1.0.0").then().statusCode(200)
                .body("server.name", equalTo(ns + "/server-2"))
                .body("server.$schema", equalTo(Docs.SCHEMA))
                .body("_meta.'io.modelcontextprotocol.registry/official'.status", equalTo("active"))
                .body("_meta.'io.modelcontextprotocol.registry/official'.publishedAt", notNullValue())
                .body("_meta.'io.modelcontextprotocol.registry/official'.updatedAt", notNullValue())
                .body("_meta.'io.modelcontextprotocol.registry/official'.statusChangedAt", notNullValue())
                .body("_meta.'io.modelcontextprotocol.registry/official'.isLatest", equalTo(false))
                .body("_meta.'io.mcpgov.registry/governance'.listed", equalTo(true))
                .body("_meta.'io.mcpgov.registry/governance'.owner.team", equalTo("team-read"));
    }

    @Test
    void theV0PathServesTheSameApi() {
        as(AGENT).get("/v0/servers/" + encode(ns + "/server-2") + "/versions/latest").then().statusCode(200)
                .body("server.version", equalTo("1.10.0"));
    }

    @Test
    void urlEncodedVersionsWithBuildMetadata() {
        String name = ns + "/built";
        Api.publishOk(publisher, Docs.publicRemote(name, "2.0.0+build.5"));
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/" + encode("2.0.0+build.5")).then().statusCode(200)
                .body("server.version", equalTo("2.0.0+build.5"));
    }

    @Test
    void aNameAndVersionThatSpellTheSameAsAnotherPairGetTheirOwnAnswer() {
        // "tool1" + "1.0.0" and "tool" + "11.0.0" read alike once joined; each is answered for itself, cached or not
        String ns2 = Api.freshNamespace("team-read");
        Api.publishOk(publisher, Docs.publicRemote(ns2 + "/tool1", "1.0.0"));
        Api.publishOk(publisher, Docs.publicRemote(ns2 + "/tool", "11.0.0"));
        for (int read = 0; read < 2; read++) {
            as(AGENT).get("/v0.1/servers/" + encode(ns2 + "/tool1") + "/versions/1.0.0").then().statusCode(200)
                    .body("server.name", equalTo(ns2 + "/tool1")).body("server.version", equalTo("1.0.0"));
            as(AGENT).get("/v0.1/servers/" + encode(ns2 + "/tool") + "/versions/11.0.0").then().statusCode(200)
                    .body("server.name", equalTo(ns2 + "/tool")).body("server.version", equalTo("11.0.0"));
            as(AGENT).get("/v0.1/servers/" + encode(ns2 + "/tool") + "/versions/1.0.0").then().statusCode(404);
            as(AGENT).get("/v0.1/servers/" + encode(ns2 + "/tool1") + "/versions/11.0.0").then().statusCode(404);
        }
    }

    @Test
    void unknownServerAndVersionAre404Problems() {
        as(AGENT).get("/v0.1/servers/" + encode(ns + "/nope") + "/versions").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        as(AGENT).get("/v0.1/servers/" + encode(ns + "/server-1") + "/versions/9.9.9").then().statusCode(404);
    }

    @Test
    void updatedSinceReturnsOnlyLaterChangesIncludingDeletions() {
        String name = ns + "/sync";
        Api.publishOk(publisher, Docs.publicRemote(name, "1.0.0"));
        Instant mark = Instant.now();
        Api.publishOk(publisher, Docs.publicRemote(name, "1.1.0"));
        as(publisher).body(Map.of("status", "deleted")).patch("/v0.1/servers/" + encode(name) + "/versions/1.1.0/status")
                .then().statusCode(200);

        JsonPath changed = as(AGENT).queryParam("updated_since", encode(mark.toString())).queryParam("search", encode(name))
                .get("/v0.1/servers").then().statusCode(200).extract().jsonPath();
        // 1.1.0 was published then deleted; 1.0.0 changed when it lost and regained latest
        assertThat(changed.getList("servers.server.version", String.class)).containsExactly("1.0.0", "1.1.0");
        assertThat(changed.getList("servers._meta.'io.modelcontextprotocol.registry/official'.status", String.class))
                .containsExactly("active", "deleted");

        as(AGENT).queryParam("updated_since", encode(Instant.now().plusSeconds(60).toString()))
                .queryParam("search", encode(name)).get("/v0.1/servers").then().statusCode(200)
                .body("servers.size()", equalTo(0));
    }

    @Test
    void deletedVersionsAreHiddenUnlessAskedFor() {
        String name = ns + "/gone";
        Api.publishOk(publisher, Docs.publicRemote(name, "1.0.0"));
        as(publisher).body(Map.of("status", "deleted")).patch("/v0.1/servers/" + encode(name) + "/versions/1.0.0/status")
                .then().statusCode(200);
        as(AGENT).queryParam("search", encode(name)).get("/v0.1/servers").then().body("servers.size()", equalTo(0));
        as(AGENT).queryParam("search", encode(name)).queryParam("include_deleted", "true").get("/v0.1/servers")
                .then().body("servers.size()", equalTo(1));
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/1.0.0").then().statusCode(404);
        as(AGENT).queryParam("include_deleted", "true").get("/v0.1/servers/" + encode(name) + "/versions/1.0.0")
                .then().statusCode(200)
                .body("_meta.'io.modelcontextprotocol.registry/official'.status", equalTo("deleted"));
    }

    @Test
    void searchIsACaseInsensitiveSubstringOfTheName() {
        as(AGENT).queryParam("search", encode(ns.toUpperCase() + "/SERVER-4")).get("/v0.1/servers").then().statusCode(200)
                .body("servers.size()", equalTo(3))
                .body("servers.server.name", hasItem(ns + "/server-4"));
        // LIKE wildcards are literal characters in a search
        as(AGENT).queryParam("search", encode(ns + "/server_4")).get("/v0.1/servers").then().statusCode(200)
                .body("servers.size()", equalTo(0));
    }

    @Test
    void termsTooShortForTheTrigramIndexStillFindEverySubstringMatch() {
        Set<String> names = new HashSet<>();
        String cursor = null;
        do {
            var spec = as(AGENT).queryParam("search", "R-").queryParam("limit", 100);
            if (cursor != null) {
                spec.queryParam("cursor", encode(cursor));
            }
            JsonPath page = spec.get("/v0.1/servers").then().statusCode(200).extract().jsonPath();
            names.addAll(page.getList("servers.server.name", String.class));
            cursor = page.getString("metadata.nextCursor");
        } while (cursor != null);
        assertThat(names).allMatch(n -> n.toLowerCase().contains("r-"));
        assertThat(names).contains(ns + "/server-0", ns + "/server-6");
        // wildcards are literal characters here too
        as(AGENT).queryParam("search", encode("%")).get("/v0.1/servers").then().statusCode(200).body("servers.size()", equalTo(0));
        as(AGENT).queryParam("search", encode("_")).get("/v0.1/servers").then().statusCode(200).body("servers.size()", equalTo(0));
    }

    @Test
    void invalidParametersAreOneProblemNamingEach() {
        var errors = as(AGENT).queryParam("limit", "500").queryParam("cursor", "nocolon")
                .queryParam("updated_since", "yesterday").get("/v0.1/servers")
                .then().statusCode(400).contentType("application/problem+json")
                .extract().jsonPath().getList("errors.ruleId", String.class);
        assertThat(errors).containsExactlyInAnyOrder("invalid-limit", "invalid-cursor", "invalid-updated-since");

        as(AGENT).queryParam("limit", "abc").get("/v0.1/servers").then().statusCode(400);
        as(AGENT).queryParam("limit", "0").get("/v0.1/servers").then().statusCode(400);
        as(AGENT).queryParam("include_deleted", "maybe").get("/v0.1/servers").then().statusCode(400);
        as(AGENT).queryParam("updated_since", encode(Instant.now().toString())).queryParam("include_deleted", "false")
                .get("/v0.1/servers").then().statusCode(400)
                .body("errors[0].ruleId", equalTo("updated-since-excludes-deleted"));
    }

    @Test
    void defaultPageSizeIsThirty() {
        String big = Api.freshNamespace("team-read");
        for (int i = 0; i < 31; i++) {
            Api.publishOk(publisher, Docs.publicRemote(big + "/s" + (100 + i), "1.0.0"));
        }
        as(AGENT).queryParam("search", encode(big + "/")).get("/v0.1/servers").then().statusCode(200)
                .body("metadata.count", equalTo(30))
                .body("metadata.nextCursor", equalTo(big + "/s129:1.0.0"));
    }

    @Test
    void noTokenIsRefusedByDefault() {
        Api.anonymous().get("/v0.1/servers").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json");
    }

    @Test
    void responsesCarryARequestId() {
        String id = as(AGENT).header("X-Request-Id", "trace-123").get("/v0.1/servers?limit=1").then().statusCode(200)
                .extract().header("X-Request-Id");
        assertThat(id).isEqualTo("trace-123");
        Set<String> generated = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            generated.add(as(AGENT).get("/v0.1/servers?limit=1").then().extract().header("X-Request-Id"));
        }
        assertThat(generated).hasSize(2);
    }
}
