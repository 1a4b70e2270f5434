package io.mcpgov.registry.imports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.mcpgov.registry.common.Problem;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RegistryTest
class ImportApiTest {

    private static String item(String document, String status, String updatedAt) {
        return """
                {"server":%s,"_meta":{"io.modelcontextprotocol.registry/official":{"status":"%s","isLatest":true,
                 "publishedAt":"%s","updatedAt":"%s"}}}""".formatted(document, status, updatedAt, updatedAt);
    }

    @Test
    void inlineItemsGoThroughTheChecksOfPublishAndMapNewNamespaces() {
        String ns = "org.imported" + System.nanoTime();
        String body = """
                {"owningTeam":"team-mirror","items":[%s,%s,%s,%s]}""".formatted(
                item(Docs.publicRemote(ns + "/one", "1.0.0"), "active", "2025-10-01T10:00:00.1Z"),
                item(Docs.publicRemote(ns + "/one", "1.1.0"), "deprecated", "2025-10-02T10:00:00.123456Z"),
                Docs.apiKeyRemote(ns + "/two", "2.0.0"),
                item(Docs.publicRemote(ns + "/bad", "latest"), "active", "2025-10-03T09:00:00Z"));
        as(ADMIN).body(body).post(X + "/imports").then().statusCode(200)
                .body("imported", equalTo(3))
                .body("refused", equalTo(1))
                .body("refusals[0].name", equalTo(ns + "/bad"))
                .body("refusals[0].errors.ruleId", hasItem("version-latest-reserved"))
                .body("namespacesMapped", equalTo(List.of(ns)))
                .body("nextUpdatedSince", equalTo("2025-10-03T09:00:00Z"));

        as(AGENT).get("/v0.1/servers/" + encode(ns + "/one") + "/versions/1.1.0").then().statusCode(200)
                .body("_meta.'io.modelcontextprotocol.registry/official'.status", equalTo("deprecated"))
                .body("_meta.'io.mcpgov.registry/governance'.owner.team", equalTo("team-mirror"));
        as(AGENT).get("/v0.1/servers/" + encode(ns + "/two") + "/versions/latest").then().statusCode(404);
        as(Api.publisher("max", "team-mirror")).get("/v0.1/servers/" + encode(ns + "/two") + "/versions/latest")
                .then().statusCode(200).body("_meta.'io.mcpgov.registry/governance'.reasons[0].ruleId", equalTo("api-key-only"));
        as(Api.AUDITOR).queryParam("targetId", encode(ns + "/one@1.0.0")).get(X + "/audit").then()
                .body("events[0].action", equalTo("server.imported"));

        // importing again changes nothing but what the source changed
        String again = """
                {"owningTeam":"team-mirror","items":[%s,%s]}""".formatted(
                item(Docs.publicRemote(ns + "/one", "1.0.0"), "active", "2025-10-04T10:00:00Z"),
                item(Docs.publicRemote(ns + "/one", "1.1.0"), "deleted", "2025-10-04T10:00:00Z"));
        as(ADMIN).body(again).post(X + "/imports").then().statusCode(200)
                .body("imported", equalTo(0)).body("skipped", equalTo(1)).body("statusesUpdated", equalTo(1));
        as(AGENT).get("/v0.1/servers/" + encode(ns + "/one") + "/versions/latest").then().statusCode(200)
                .body("server.version", equalTo("1.0.0"));
    }

    @Test
    void aVersionListedTwiceInOnePageIsStoredOnceAndThenSkipped() {
        String ns = "org.twice" + System.nanoTime();
        String entry = item(Docs.publicRemote(ns + "/one", "1.0.0"), "active", "2025-10-01T10:00:00Z");
        as(ADMIN).body("""
                {"owningTeam":"team-mirror","items":[%s,%s]}""".formatted(entry, entry))
                .post(X + "/imports").then().statusCode(200)
                .body("imported", equalTo(1)).body("skipped", equalTo(1)).body("refused", equalTo(0));
        as(AGENT).get("/v0.1/servers/" + encode(ns + "/one") + "/versions/1.0.0").then().statusCode(200);
    }

    @Test
    void aSourceRegistryIsReadPageByPage() {
        WireMockServer source = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        source.start();
        try {
            String ns = "net.source" + System.nanoTime();
            source.stubFor(get(urlPathEqualTo("/v0.1/servers")).withQueryParam("cursor", WireMock.absent())
                    .willReturn(page(List.of(item(Docs.publicRemote(ns + "/alpha", "1.0.0"), "active", "2025-11-01T00:00:00Z")),
                            ns + "/alpha:1.0.0")));
            source.stubFor(get(urlPathEqualTo("/v0.1/servers")).withQueryParam("cursor", WireMock.equalTo(ns + "/alpha:1.0.0"))
                    .willReturn(page(List.of(item(Docs.publicRemote(ns + "/beta", "1.0.0"), "active", "2025-11-02T00:00:00Z")),
                            null)));
            as(ADMIN).body(Map.of("source", "http://127.0.0.1:" + source.port(), "owningTeam", "team-mirror", "limit", 1))
                    .post(X + "/imports").then().statusCode(200)
                    .body("imported", equalTo(2)).body("pages", equalTo(2));
            as(AGENT).get("/v0.1/servers/" + encode(ns + "/beta") + "/versions/latest").then().statusCode(200);
        } finally {
            source.stop();
        }
    }

    @Test
    void pagesStoredConcurrentlyKeepLatestVersionsNamespacesAndTheImporter() {
        WireMockServer source = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        source.start();
        try {
            String ns = "dev.pages" + System.nanoTime();
            List<List<String>> pages = List.of(
                    List.of("alpha:1.0.0", "alpha:1.1.0"), List.of("alpha:1.2.0", "beta:1.0.0"),
                    List.of("beta:2.0.0", "gamma:0.1.0"), List.of("gamma:0.2.0", "gamma:0.10.0"));
            for (int p = 0; p < pages.size(); p++) {
                List<String> items = pages.get(p).stream().map(ref -> item(Docs.publicRemote(ns + "/" + ref.split(":")[0],
                        ref.split(":")[1]), "active", "2025-11-01T00:00:00Z")).toList();
                source.stubFor(get(urlPathEqualTo("/v0.1/servers"))
                        .withQueryParam("cursor", p == 0 ? WireMock.absent() : WireMock.equalTo("c" + p))
                        .willReturn(page(items, p + 1 < pages.size() ? "c" + (p + 1) : null)));
            }
            as(ADMIN).body(Map.of("source", "http://127.0.0.1:" + source.port(), "owningTeam", "team-mirror", "limit", 2))
                    .post(X + "/imports").then().statusCode(200)
                    .body("imported", equalTo(8)).body("pages", equalTo(4))
                    .body("namespacesMapped", equalTo(List.of(ns)));
            Map.of("alpha", "1.2.0", "beta", "2.0.0", "gamma", "0.10.0").forEach((server, latest) ->
                    as(AGENT).get("/v0.1/servers/" + encode(ns + "/" + server) + "/versions/latest").then().statusCode(200)
                            .body("server.version", equalTo(latest)));
            // the writers act for the importing caller
            as(Api.AUDITOR).queryParam("targetId", encode(ns + "/gamma@0.10.0")).get(X + "/audit").then()
                    .body("events[0].action", equalTo("server.imported"))
                    .body("events[0].actor.subject", equalTo("ada"));
        } finally {
            source.stop();
        }
    }

    @Test
    void aSourceFailingMidwayKeepsThePagesAlreadyRead() {
        WireMockServer source = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        source.start();
        try {
            String ns = "live.midway" + System.nanoTime();
            source.stubFor(get(urlPathEqualTo("/v0.1/servers")).withQueryParam("cursor", WireMock.absent())
                    .willReturn(page(List.of(item(Docs.publicRemote(ns + "/kept", "1.0.0"), "active", "2025-11-01T00:00:00Z")),
                            "next")));
            source.stubFor(get(urlPathEqualTo("/v0.1/servers")).withQueryParam("cursor", WireMock.equalTo("next"))
                    .willReturn(aResponse().withStatus(500)));
            as(ADMIN).body(Map.of("source", "http://127.0.0.1:" + source.port(), "owningTeam", "team-mirror", "limit", 1))
                    .post(X + "/imports").then().statusCode(502)
                    .body("errors[0].ruleId", equalTo("import-source-unreadable"));
            as(AGENT).get("/v0.1/servers/" + encode(ns + "/kept") + "/versions/1.0.0").then().statusCode(200);
        } finally {
            source.stop();
        }
    }

    @Test
    void aSourcePageHoldingTextPostgresqlCannotStoreIsRefusedAsA502() {
        WireMockServer source = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        source.start();
        try {
            String ns = "live.nul" + System.nanoTime();
            String entry = Docs.publicRemote(ns + "/nul", "1.0.0").replace("Weather forecasts", "Weather\\u0000");
            source.stubFor(get(urlPathEqualTo("/v0.1/servers"))
                    .willReturn(page(List.of(item(entry, "active", "2025-11-01T00:00:00Z")), null)));
            as(ADMIN).body(Map.of("source", "http://127.0.0.1:" + source.port(), "owningTeam", "team-mirror"))
                    .post(X + "/imports").then().statusCode(502).contentType(Problem.MEDIA_TYPE)
                    .body("errors[0].ruleId", equalTo("import-source-unreadable"))
                    .body("errors[0].message", containsString("nul-character at /servers/0/server/description"));
            as(AGENT).get("/v0.1/servers/" + encode(ns + "/nul") + "/versions").then().statusCode(404);
        } finally {
            source.stop();
        }
    }

    @Test
    void anUnreadableSourceIsA502AndBadRequestsAndInternalSourcesAreRefused() {
        as(ADMIN).body(Map.of("source", "http://127.0.0.1:1", "owningTeam", "t")).post(X + "/imports").then()
                .statusCode(502).body("errors[0].ruleId", equalTo("import-source-unreadable"));
        // a private address is refused by the guard (nothing sent), even with the development switch on
        as(ADMIN).body(Map.of("source", "http://10.0.0.1", "owningTeam", "t")).post(X + "/imports").then()
                .statusCode(422).body("errors[0].ruleId", equalTo("import-source-refused"));
        as(ADMIN).body(Map.of("owningTeam", "t")).post(X + "/imports").then().statusCode(422)
                .body("errors[0].ruleId", equalTo("import-source-or-items"));
        as(ADMIN).body(Map.of("source", "ftp://x", "items", List.of(), "limit", 500)).post(X + "/imports").then()
                .statusCode(422)
                .body("errors.ruleId", hasItem("import-source-or-items"))
                .body("errors.ruleId", hasItem("import-source-invalid"))
                .body("errors.ruleId", hasItem("invalid-limit"))
                .body("errors.path", hasItem("/owningTeam"));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(List<String> items, String next) {
        String metadata = next == null ? "{\"count\":" + items.size() + "}"
                : "{\"nextCursor\":\"" + next + "\",\"count\":" + items.size() + "}";
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"servers\":[" + String.join(",", items) + "],\"metadata\":" + metadata + "}");
    }
}
