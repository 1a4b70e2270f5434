package io.mcpgov.registry.secrets;

import static io.mcpgov.registry.secrets.HardcodedSecretApiTest.assertNoPartOf;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.policy.SecretScanner;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.LogCapture;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Sql;
import io.mcpgov.registry.testing.FakeSecrets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A version stored before the scan's rules found its credential is hidden from agents by the sweep, shown to its
 * owners and reviewers with the pointer (never the value), audited by the registry and announced in the event feed;
 * the sweep scans each version once per revision of the rules, and lists a version again that the rules find clean.
 */
@QuarkusTest
@RegistryTest
class StoredSecretSweepTest {

    private static final String GOV = "_meta.'io.mcpgov.registry/governance'";
    private static final String TEAM = "team-stored-secrets";
    private static final String OWNER = Api.publisher("sam", TEAM);

    @Inject
    StoredSecretSweep sweep;

    @Test
    void aStoredVersionWithACredentialIsHiddenShownToItsOwnersAuditedAndAnnounced() {
        String ns = Api.freshNamespace(TEAM);
        String clean = ns + "/clean";
        String leaky = ns + "/leaky";
        Api.publishOk(OWNER, SecretDocs.clean(clean).toString());
        String secret = new FakeSecrets(77).openAiKey();
        ObjectNode doc = SecretDocs.clean(leaky);
        doc.put("description", "Forecasts. Try it with " + secret);
        storeUnderTheOldRules(clean, doc);
        long feed = feedHead();

        // listed before the sweep: the agent's answers are cached under the change counter of this moment
        assertThat(agentNames(ns)).containsExactly(clean, leaky);
        assertThat(agentNames(leaky)).containsExactly(leaky);
        as(AGENT).get("/v0.1/servers/" + encode(leaky) + "/versions/latest").then().statusCode(200);

        StoredSecretSweep.Result result;
        try (LogCapture log = LogCapture.start()) {
            result = sweep.sweep();
            assertThat(log.text()).contains("stored versions scanned");
            assertNoPartOf(secret, log.text());
        }
        assertThat(result.hidden()).isGreaterThanOrEqualTo(1);
        assertThat(Sql.query("SELECT secrets_scanned_with FROM server_version WHERE name = ?", leaky))
                .isEqualTo(SecretScanner.REVISION);

        // hidden from agents in lists, searches and lookups
        assertThat(agentNames(ns)).containsExactly(clean);
        assertThat(agentNames(leaky)).isEmpty();
        as(AGENT).get("/v0.1/servers/" + encode(leaky) + "/versions/latest").then().statusCode(404);
        as(AGENT).get("/v0.1/servers/" + encode(leaky) + "/versions/1.0.0").then().statusCode(404);
        as(AGENT).get("/v0.1/servers/" + encode(leaky) + "/versions").then().statusCode(404);

        // shown to its owners and reviewers, with the pointer and the kind
        for (String reader : List.of(OWNER, REVIEWER)) {
            Response shown = as(reader).get("/v0.1/servers/" + encode(leaky) + "/versions/latest");
            assertThat(shown.statusCode()).isEqualTo(200);
            JsonPath view = shown.jsonPath();
            assertThat(view.getBoolean(GOV + ".listed")).isFalse();
            assertThat(view.getList(GOV + ".reasons.ruleId")).contains("stored-secret");
            assertThat(view.getList(GOV + ".secrets.findings.path")).containsExactly("/description");
            assertThat(view.getList(GOV + ".secrets.findings.kind")).containsExactly("openai-key");
            assertThat(view.getInt(GOV + ".secrets.revision")).isEqualTo(SecretScanner.REVISION);
            // the document itself is still served to its owners as published: nothing was deleted or rewritten
            assertThat(view.getString("server.description")).contains(secret);
            assertNoPartOf(secret, String.valueOf(view.getMap("_meta")));
        }

        // announced, and audited once by the registry itself
        List<Map<String, Object>> found = events(feed, "io.mcpgov.registry.secret.found", leaky);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).toString()).contains("/description").contains("openai-key");
        assertNoPartOf(secret, found.get(0).toString());
        assertThat(events(feed, "io.mcpgov.registry.entry.hidden", leaky)).hasSize(1);
        JsonPath audit = as(AUDITOR).queryParam("targetId", encode(leaky + "@1.0.0")).get(X + "/audit").then()
                .statusCode(200).extract().jsonPath();
        assertThat(audit.getList("events.action")).containsExactly("server.secret-found");
        assertThat(audit.getString("events[0].actor.subject")).isEqualTo("system:registry");
        assertNoPartOf(secret, audit.prettify());

        // the clean server is untouched, and a second sweep scans nothing again
        assertThat(sweep.sweep().scanned()).isZero();
        assertThat(events(feed, "io.mcpgov.registry.secret.found", leaky)).hasSize(1);
        assertThat(as(AUDITOR).queryParam("targetId", encode(leaky + "@1.0.0")).get(X + "/audit").then()
                .extract().jsonPath().getList("events")).hasSize(1);
    }

    @Test
    void aVersionTheRulesFindCleanAgainIsListedAgain() {
        String ns = Api.freshNamespace(TEAM);
        String clean = ns + "/clean";
        String flagged = ns + "/flagged";
        Api.publishOk(OWNER, SecretDocs.clean(clean).toString());
        ObjectNode doc = SecretDocs.clean(flagged);
        doc.put("description", "Forecasts. Try it with " + new FakeSecrets(78).githubToken("ghp_"));
        storeUnderTheOldRules(clean, doc);
        sweep.sweep();
        assertThat(agentNames(flagged)).isEmpty();
        long feed = feedHead();

        // as if the rules had changed: the stored findings no longer hold
        Sql.update("UPDATE server_version SET document = CAST(? AS jsonb), document_text = ?, secrets_scanned_with = 0"
                + " WHERE name = ?", SecretDocs.clean(flagged).toString(), SecretDocs.clean(flagged).toString(), flagged);
        assertThat(sweep.sweep().listedAgain()).isGreaterThanOrEqualTo(1);

        assertThat(agentNames(flagged)).containsExactly(flagged);
        assertThat(events(feed, "io.mcpgov.registry.entry.listed", flagged)).hasSize(1);
        assertThat(as(AUDITOR).queryParam("targetId", encode(flagged + "@1.0.0")).get(X + "/audit").then()
                .extract().jsonPath().getList("events.action"))
                .containsExactlyInAnyOrder("server.secret-cleared", "server.secret-found");
    }

    /** Inserts a version as an older registry did, before the current rules: nothing scanned it with them. */
    private static void storeUnderTheOldRules(String template, ObjectNode doc) {
        int inserted = Sql.update("""
                INSERT INTO server_version (name, version, status, status_changed_at, is_latest, published_at,
                    updated_at, owning_team, accountable_owner, published_by, document, document_text, auth_profile,
                    has_oauth, has_remote_api_key, has_package_secret, has_public_remote, oauth_verification, admission)
                SELECT ?, version, status, status_changed_at, true, published_at, updated_at, owning_team,
                    accountable_owner, published_by, CAST(? AS jsonb), ?, auth_profile, has_oauth, has_remote_api_key,
                    has_package_secret, has_public_remote, oauth_verification, admission
                FROM server_version WHERE name = ?""", doc.get("name").asText(), doc.toString(), doc.toString(), template);
        assertThat(inserted).isEqualTo(1);
    }

    private static List<String> agentNames(String search) {
        return as(AGENT).queryParam("search", encode(search)).queryParam("limit", 100).get("/v0.1/servers").then()
                .statusCode(200).extract().jsonPath().getList("servers.server.name", String.class);
    }

    private static long feedHead() {
        long head = 0;
        while (true) {
            String next = as(AUDITOR).queryParam("cursor", head).queryParam("limit", 1000).get(X + "/events").then()
                    .statusCode(200).extract().path("metadata.nextCursor");
            if (next == null) {
                return head;
            }
            head = Long.parseLong(next);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(long cursor, String type, String serverName) {
        return as(AUDITOR).queryParam("cursor", cursor).queryParam("limit", 1000).queryParam("type", type)
                .get(X + "/events").then().statusCode(200).extract().jsonPath().getList("events", Map.class).stream()
                .map(e -> (Map<String, Object>) e)
                .filter(e -> serverName.equals(e.get("subject"))).toList();
    }
}
