package io.mcpgov.registry.policy;

import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.ProductionSettings;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An API-key-only server without an exception is absent for agents on every read path, under /v0.1 and /v0 alike:
 * the whole list, a search, updated_since (which includes deleted entries), include_deleted, the version filter, its
 * versions, each version, latest, and the registry's own reads of an entry. Its owners and reviewers see it on the
 * same paths, so a 404 here is the gate's, not a wrong URL's.
 */
@QuarkusTest
@RegistryTest
@TestProfile(ProductionSettings.class)
class ListingGateReadPathsTest {

    private static final String TEAM = "team-gate-paths";
    private static final String OWNER = Api.publisher("pat", TEAM);
    private static final String OTHER_TEAM = Api.publisher("olga", "team-elsewhere");

    private String ns;
    private String keyed;
    private String open;
    private String before;

    @BeforeEach
    void anApiKeyOnlyServerBesideAListedOne() {
        before = Instant.now().minusSeconds(5).toString();
        ns = Api.freshNamespace(TEAM);
        keyed = ns + "/keyed";
        open = ns + "/open";
        Api.publishOk(OWNER, Docs.apiKeyRemote(keyed, "1.0.0"));
        Api.publishOk(OWNER, Docs.apiKeyRemote(keyed, "1.1.0"));
        Api.publishOk(OWNER, Docs.oauthRemote(open, "1.0.0"));
        as(OWNER).body(Map.of("status", "deleted")).patch("/v0.1/servers/" + encode(keyed) + "/versions/1.0.0/status")
                .then().statusCode(200);
    }

    /** Every server name the list gives on every page, following the cursor. */
    private static List<String> walk(String token, String base, String query) {
        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            String url = base + "/servers?limit=100" + (query.isEmpty() ? "" : "&" + query)
                    + (cursor == null ? "" : "&cursor=" + encode(cursor));
            JsonPath page = as(token).get(url).then().statusCode(200).extract().jsonPath();
            names.addAll(page.getList("servers.server.name", String.class));
            cursor = page.getString("metadata.nextCursor");
        } while (cursor != null);
        return names;
    }

    private List<String> listQueries() {
        return List.of("", "search=" + encode(ns), "updated_since=" + encode(before), "include_deleted=true",
                "include_deleted=true&search=" + encode(ns), "version=latest&search=" + encode(ns),
                "version=1.1.0&search=" + encode(ns), "version=1.0.0&include_deleted=true&search=" + encode(ns));
    }

    private List<String> lookups(String base) {
        String server = base + "/servers/" + encode(keyed);
        return List.of(server + "/versions", server + "/versions?include_deleted=true", server + "/versions/1.1.0",
                server + "/versions/latest", server + "/versions/1.0.0?include_deleted=true");
    }

    private List<String> extensionReads() {
        String version = X + "/servers/" + encode(keyed) + "/versions/";
        return List.of(version + "1.1.0/tools", version + "latest/tools", version + "1.1.0/verification",
                version + "latest/verification");
    }

    @Test
    void agentsAndAuditorsFindItOnNoReadPath() {
        for (String reader : List.of(AGENT, AUDITOR, OTHER_TEAM)) {
            for (String base : List.of("/v0.1", "/v0")) {
                for (String query : listQueries()) {
                    List<String> names = walk(reader, base, query);
                    assertThat(names).as(base + "/servers?" + query).doesNotContain(keyed);
                }
                assertThat(walk(reader, base, "search=" + encode(ns))).as(base + " search").containsExactly(open);
                assertThat(walk(reader, base, "updated_since=" + encode(before))).contains(open);
                for (String lookup : lookups(base)) {
                    assertNotFoundProblem(as(reader).get(lookup), lookup);
                }
            }
            for (String read : extensionReads()) {
                assertNotFoundProblem(as(reader).get(read), read);
            }
            assertNotFoundProblem(as(reader).body(Map.of("tools", List.of("a")))
                    .post(X + "/servers/" + encode(keyed) + "/versions/latest/scope-plan"), "scope-plan");
            assertNotFoundProblem(as(reader).body(Map.of("scopes", List.of("a")))
                    .post(X + "/servers/" + encode(keyed) + "/versions/latest/tools-for-scopes"), "tools-for-scopes");
        }
    }

    @Test
    void itsOwnersAndReviewersFindItOnThoseSamePaths() {
        for (String reader : List.of(OWNER, REVIEWER)) {
            for (String base : List.of("/v0.1", "/v0")) {
                assertThat(walk(reader, base, "search=" + encode(ns))).containsExactly(keyed, open);
                assertThat(walk(reader, base, "include_deleted=true&search=" + encode(ns)))
                        .containsExactly(keyed, keyed, open);
                assertThat(walk(reader, base, "updated_since=" + encode(before))).contains(keyed, open);
                for (String lookup : lookups(base)) {
                    as(reader).get(lookup).then().statusCode(200);
                }
            }
            for (String read : extensionReads()) {
                as(reader).get(read).then().statusCode(200);
            }
            as(reader).get("/v0.1/servers/" + encode(keyed) + "/versions/latest").then().statusCode(200)
                    .body("server.version", equalTo("1.1.0"))
                    .body("_meta.'io.mcpgov.registry/governance'.reasons[0].ruleId", equalTo("api-key-only"));
        }
    }

    private static void assertNotFoundProblem(Response response, String what) {
        assertThat(response.statusCode()).as(what).isEqualTo(404);
        assertThat(response.contentType()).as(what).startsWith("application/problem+json");
        assertThat(response.asString()).as(what).doesNotContain("keyed");
    }
}
