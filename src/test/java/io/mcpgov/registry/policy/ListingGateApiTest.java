package io.mcpgov.registry.policy;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** API-key-only entries are stored but never listed to agents, by any read; owners, reviewers and admins see them. */
@QuarkusTest
@RegistryTest
class ListingGateApiTest {

    private static final String GOV = "_meta.'io.mcpgov.registry/governance'";
    private static final String TEAM = "team-gate";
    private static final String OWNER = Api.publisher("pat", TEAM);
    private static final String OTHER_PUBLISHER = Api.publisher("oscar", "team-other");

    private static String ns;
    private static Instant beforeFixtures;

    @BeforeEach
    void fixtures() {
        if (ns != null) {
            return;
        }
        beforeFixtures = Instant.now();
        ns = Api.freshNamespace(TEAM);
        // names sort as a1 < b1 < c1 ...: visible and hidden entries interleave
        for (int i = 0; i < 3; i++) {
            Api.publishOk(OWNER, Docs.oauthRemote(ns + "/a" + i, "1.0.0"));
            Api.publishOk(OWNER, Docs.apiKeyRemote(ns + "/b" + i, "1.0.0"));
            Api.publishOk(OWNER, Docs.publicRemote(ns + "/c" + i, "1.0.0"));
        }
    }

    @Test
    void publishingAnApiKeyOnlyServerSaysItIsHiddenAndHowToRequestAnException() {
        String name = ns + "/fresh-key";
        as(OWNER).body(Docs.apiKeyRemote(name, "1.0.0")).post("/v0.1/publish").then().statusCode(200)
                .body(GOV + ".listed", equalTo(false))
                .body(GOV + ".apiKeyOnly", equalTo(true))
                .body(GOV + ".authType", equalTo("api-key"))
                .body(GOV + ".reasons[0].ruleId", equalTo("api-key-only"))
                .body(GOV + ".reasons[0].message", containsString("/v0.1/x/io.mcpgov.registry/exceptions"));
    }

    @Test
    void agentsFindOnlyListedEntriesInListsAndSearch() {
        List<String> names = names(AGENT, null);
        assertThat(names).containsExactly(ns + "/a0", ns + "/a1", ns + "/a2", ns + "/c0", ns + "/c1", ns + "/c2");
        assertThat(names(AGENT, "b1")).isEmpty();
        assertThat(names(AUDITOR, null)).doesNotContain(ns + "/b0");
        assertThat(names(OTHER_PUBLISHER, null)).doesNotContain(ns + "/b0");
    }

    @Test
    void agentsGet404ForHiddenEntriesByNameVersionOrLatest() {
        String hidden = encode(ns + "/b0");
        as(AGENT).get("/v0.1/servers/" + hidden + "/versions").then().statusCode(404);
        as(AGENT).get("/v0.1/servers/" + hidden + "/versions/1.0.0").then().statusCode(404);
        as(AGENT).get("/v0.1/servers/" + hidden + "/versions/latest").then().statusCode(404);
        as(AGENT).get("/v0/servers/" + hidden + "/versions/latest").then().statusCode(404);
        as(AGENT).queryParam("version", "latest").queryParam("search", encode(ns + "/b")).get("/v0.1/servers")
                .then().body("servers.size()", equalTo(0));
    }

    @Test
    void updatedSinceNeverLeaksHiddenEntries() {
        JsonPath sync = as(AGENT).queryParam("updated_since", encode(beforeFixtures.toString()))
                .queryParam("search", encode(ns + "/")).queryParam("limit", 100).get("/v0.1/servers")
                .then().statusCode(200).extract().jsonPath();
        assertThat(sync.getList("servers.server.name", String.class)).noneMatch(n -> n.contains("/b"));
    }

    @Test
    void pagesStayFullWhenHiddenEntriesSitBetweenListedOnes() {
        List<Integer> sizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var spec = as(AGENT).queryParam("search", encode(ns + "/")).queryParam("limit", 4);
            if (cursor != null) {
                spec.queryParam("cursor", encode(cursor));
            }
            JsonPath page = spec.get("/v0.1/servers").then().statusCode(200).extract().jsonPath();
            sizes.add(page.getList("servers").size());
            seen.addAll(page.getList("servers.server.name", String.class));
            cursor = page.getString("metadata.nextCursor");
        } while (cursor != null);
        assertThat(sizes).containsExactly(4, 2);
        assertThat(seen).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void ownersReviewersAndAdminsSeeHiddenEntriesWithTheReason() {
        for (String token : List.of(OWNER, REVIEWER, ADMIN)) {
            assertThat(names(token, "b")).containsExactly(ns + "/b0", ns + "/b1", ns + "/b2");
            as(token).get("/v0.1/servers/" + encode(ns + "/b1") + "/versions/latest").then().statusCode(200)
                    .body(GOV + ".listed", equalTo(false))
                    .body(GOV + ".reasons.ruleId", equalTo(List.of("api-key-only")));
        }
    }

    @Test
    void oauthAndPublicServersAreListedWithTheirAuthType() {
        as(AGENT).get("/v0.1/servers/" + encode(ns + "/a0") + "/versions/latest").then().statusCode(200)
                .body(GOV + ".listed", equalTo(true))
                .body(GOV + ".authType", equalTo("oauth2"))
                .body(GOV + ".reasons.size()", equalTo(0));
        as(AGENT).get("/v0.1/servers/" + encode(ns + "/c0") + "/versions/latest").then().statusCode(200)
                .body(GOV + ".authType", equalTo("none"));
    }

    @Test
    void packagesThatNeedASecretCountAsApiKeysByDefault() {
        String name = ns + "/pkg-secret";
        String doc = """
                {"$schema":"%s","name":"%s","description":"Local server","version":"1.0.0",
                 "packages":[{"registryType":"npm","identifier":"@acme/thing","version":"1.0.0","transport":{"type":"stdio"},
                   "environmentVariables":[{"name":"THING_TOKEN","isSecret":true,"isRequired":true}]}]}"""
                .formatted(Docs.SCHEMA, name);
        as(OWNER).body(doc).post("/v0.1/publish").then().statusCode(200)
                .body(GOV + ".listed", equalTo(false))
                .body(GOV + ".reasons[0].ruleId", equalTo("api-key-only"));
        as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().statusCode(404);
    }

    private static List<String> names(String token, String searchSuffix) {
        return as(token).queryParam("search", encode(ns + "/" + (searchSuffix == null ? "" : searchSuffix)))
                .queryParam("limit", 100).get("/v0.1/servers").then().statusCode(200)
                .extract().jsonPath().getList("servers.server.name", String.class);
    }
}
