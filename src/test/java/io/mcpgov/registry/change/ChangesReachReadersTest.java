package io.mcpgov.registry.change;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.secrets.StoredSecretSweep;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.Metrics;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Sql;
import io.mcpgov.registry.testing.FakeSecrets;
import io.mcpgov.registry.verification.VerificationRecorder;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every change to what agents may reach is seen by the next discovery read, although that read's answer was held in
 * memory just before (proven by the read cache's hit counter): each such path moves the change counter. Writes that
 * change nothing agents reach do not, and the cache keeps answering from memory after them.
 */
@QuarkusTest
@RegistryTest
class ChangesReachReadersTest {

    private static final String GOV = "_meta.'io.mcpgov.registry/governance'";
    private static final String OFFICIAL = "_meta.'io.modelcontextprotocol.registry/official'";
    private static final String TEAM = "team-fresh";
    private static final String PUBLISHER = Api.publisher("pat", TEAM);

    @Inject
    StoredSecretSweep secretSweep;

    @Inject
    VerificationRecorder verifications;

    @Inject
    ChangeCounter counter;

    /**
     * What a reader sees ({@code read}, cached by the registry), a write, and what the reader sees after it: for a
     * change, {@code after} (or {@link #ANOTHER} answer); for a write that changes nothing agents reach, null (the
     * same answer, from memory).
     */
    record Probe(Supplier<Object> read, Runnable write, Object after) {
    }

    /** An answer other than the one before, whatever it is (such as the time of a check). */
    private static final Object ANOTHER = new Object();

    static Stream<Arguments> changes() {
        return Stream.of(
                change("publish", ChangesReachReadersTest::publish),
                change("publish of a version agents do not see", ChangesReachReadersTest::publishHidden),
                change("import of a new version", ChangesReachReadersTest::importNewVersion),
                change("import of a status", ChangesReachReadersTest::importStatus),
                change("status change", ChangesReachReadersTest::statusChange),
                change("exception approved", ChangesReachReadersTest::exceptionApproved),
                change("exception revoked", ChangesReachReadersTest::exceptionRevoked),
                change("exception ended", ChangesReachReadersTest::exceptionEnded),
                change("tool review approved", ChangesReachReadersTest::toolReviewApproved),
                change("admission admitted", ChangesReachReadersTest::admitted),
                change("owner offboarded", ChangesReachReadersTest::offboarded),
                change("owner of a hidden server offboarded", ChangesReachReadersTest::offboardedHidden),
                change("orphaned server taken over", ChangesReachReadersTest::takenOver),
                change("contact changed", ChangesReachReadersTest::contactChanged),
                change("credential found by the stored-secret sweep", ChangesReachReadersTest::secretFound),
                change("verification asked for", ChangesReachReadersTest::verificationAskedFor),
                change("refused publish (403)", ChangesReachReadersTest::refusedPublish),
                change("invalid publish (422)", ChangesReachReadersTest::invalidPublish),
                change("exception requested, not decided", ChangesReachReadersTest::exceptionRequested),
                change("background re-verification with the same result", ChangesReachReadersTest::reverified),
                change("namespace mapped to another team", ChangesReachReadersTest::namespaceRemapped));
    }

    private static Arguments change(String name, Function<ChangesReachReadersTest, Probe> probe) {
        return Arguments.of(name, probe);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void theNextReadSeesEveryChangeAndOnlyChangesEmptyTheCache(String name,
            Function<ChangesReachReadersTest, Probe> scenario) {
        Probe probe = scenario.apply(this);
        awaitQuiet();
        Object before = probe.read().get();
        double hits = count("hit");
        double misses = count("miss");
        assertThat(probe.read().get()).isEqualTo(before);
        assertThat(count("hit")).as("the second read was answered from memory").isEqualTo(hits + 1);
        assertThat(count("miss")).isEqualTo(misses);

        probe.write().run();

        if (probe.after() == null) {
            assertThat(probe.read().get()).isEqualTo(before);
            assertThat(count("hit")).as("still answered from memory").isEqualTo(hits + 2);
            assertThat(count("miss")).isEqualTo(misses);
        } else if (probe.after() == ANOTHER) {
            assertThat(probe.read().get()).isNotEqualTo(before);
        } else {
            assertThat(before).isNotEqualTo(probe.after());
            assertThat(probe.read().get()).isEqualTo(probe.after());
        }
    }

    // changes to what agents may reach

    private Probe publish() {
        String ns = namespace();
        publishSettled(PUBLISHER, Docs.oauthRemote(ns + "/one", "1.0.0"));
        return new Probe(() -> agentNames(ns), () -> publishSettled(PUBLISHER, Docs.oauthRemote(ns + "/two", "1.0.0")),
                List.of(ns + "/one", ns + "/two"));
    }

    private Probe publishHidden() {
        String ns = namespace();
        publishSettled(PUBLISHER, Docs.oauthRemote(ns + "/one", "1.0.0"));
        return new Probe(() -> names(PUBLISHER, ns),
                () -> publishSettled(PUBLISHER, Docs.apiKeyRemote(ns + "/keyed", "1.0.0")),
                List.of(ns + "/keyed", ns + "/one"));
    }

    private Probe importNewVersion() {
        String ns = namespace();
        publishSettled(PUBLISHER, Docs.oauthRemote(ns + "/one", "1.0.0"));
        return new Probe(() -> agentVersions(ns + "/one"),
                () -> importItems(importItem(Docs.oauthRemote(ns + "/one", "1.1.0"), "active")),
                List.of("1.1.0", "1.0.0"));
    }

    private Probe importStatus() {
        String ns = namespace();
        String name = ns + "/one";
        publishSettled(PUBLISHER, Docs.oauthRemote(name, "1.0.0"));
        return new Probe(() -> agentField(name, OFFICIAL + ".status"),
                () -> importItems(importItem(Docs.oauthRemote(name, "1.0.0"), "deprecated")), "deprecated");
    }

    private Probe statusChange() {
        String name = namespace() + "/one";
        publishSettled(PUBLISHER, Docs.oauthRemote(name, "1.0.0"));
        return new Probe(() -> agentField(name, OFFICIAL + ".status"),
                () -> as(PUBLISHER).body(Map.of("status", "deprecated"))
                        .patch("/v0.1/servers/" + encode(name) + "/versions/1.0.0/status").then().statusCode(200),
                "deprecated");
    }

    private Probe exceptionApproved() {
        String ns = namespace();
        publishSettled(PUBLISHER, Docs.apiKeyRemote(ns + "/keyed", "1.0.0"));
        String id = requestException(ns + "/keyed", Instant.now().plus(30, ChronoUnit.DAYS));
        return new Probe(() -> agentNames(ns), () -> decideException(REVIEWER, id, "approve"), List.of(ns + "/keyed"));
    }

    private Probe exceptionRevoked() {
        String ns = namespace();
        publishSettled(PUBLISHER, Docs.apiKeyRemote(ns + "/keyed", "1.0.0"));
        String id = requestException(ns + "/keyed", Instant.now().plus(30, ChronoUnit.DAYS));
        decideException(REVIEWER, id, "approve");
        return new Probe(() -> agentNames(ns), () -> decideException(ADMIN, id, "revoke"), List.of());
    }

    private Probe exceptionEnded() {
        String ns = namespace();
        publishSettled(PUBLISHER, Docs.apiKeyRemote(ns + "/keyed", "1.0.0"));
        String id = requestException(ns + "/keyed", Instant.now().plus(30, ChronoUnit.DAYS));
        decideException(REVIEWER, id, "approve");
        Sql.endExceptionIn(id, 3);
        return new Probe(() -> agentNames(ns), () -> {
            // the end hides the server by itself; the registry then announces it, which moves the counter too
            for (int i = 0; i < 100 && !Boolean.TRUE.equals(
                    Sql.query("SELECT end_announced FROM api_key_exception WHERE id = ?", UUID.fromString(id))); i++) {
                sleep(100);
            }
        }, List.of());
    }

    private Probe toolReviewApproved() {
        String name = namespace() + "/tools";
        String doc = Docs.oauthRemote(name, "1.0.0").replace("}}}}}}", "}}},\"tools\":[{\"name\":\"delete_alerts\","
                + "\"description\":\"Delete every alert\",\"scopes\":[\"weather.write\"]}]}}}");
        publishSettled(PUBLISHER, doc);
        String review = (String) agentField(name, GOV + ".tools[0].reviewId");
        return new Probe(() -> agentField(name, GOV + ".tools[0].approval"),
                () -> as(REVIEWER).body(Map.of("reason", "Limited to the caller's alerts"))
                        .post(X + "/tool-reviews/" + review + "/approve").then().statusCode(200),
                "approved");
    }

    private Probe admitted() {
        String ns = "com.fresh-admit" + System.nanoTime();
        as(ADMIN).body(Map.of("owningTeam", TEAM, "admission", "review")).put(X + "/namespaces/" + ns).then()
                .statusCode(200);
        publishSettled(PUBLISHER, Docs.oauthRemote(ns + "/one", "1.0.0"));
        String id = as(REVIEWER).queryParam("serverName", encode(ns + "/one")).get(X + "/admissions").then()
                .statusCode(200).extract().path("admissions[0].id");
        return new Probe(() -> agentNames(ns), () -> as(REVIEWER).body(Map.of("reason", "reviewed"))
                .post(X + "/admissions/" + id + "/admit").then().statusCode(200), List.of(ns + "/one"));
    }

    private Probe offboarded() {
        String ns = namespace();
        String owner = "leaver-" + System.nanoTime();
        publishSettled(Api.publisher(owner, TEAM), Docs.oauthRemote(ns + "/one", "1.0.0"));
        return new Probe(() -> agentNames(ns), () -> offboard(owner), List.of());
    }

    private Probe offboardedHidden() {
        String name = namespace() + "/keyed";
        String owner = "leaver-" + System.nanoTime();
        publishSettled(Api.publisher(owner, TEAM), Docs.apiKeyRemote(name, "1.0.0"));
        return new Probe(() -> as(PUBLISHER).get("/v0.1/servers/" + encode(name) + "/versions/latest").then()
                .statusCode(200).extract().path(GOV + ".ownership.orphaned"), () -> offboard(owner), true);
    }

    private Probe takenOver() {
        String ns = namespace();
        String owner = "leaver-" + System.nanoTime();
        publishSettled(Api.publisher(owner, TEAM), Docs.oauthRemote(ns + "/one", "1.0.0"));
        offboard(owner);
        String successor = "successor-" + System.nanoTime();
        return new Probe(() -> agentNames(ns), () -> as(Api.publisher(successor, TEAM))
                .body(Map.of("accountableOwner", successor, "reason", "Taking over"))
                .put(X + "/ownership/" + encode(ns + "/one") + "/accountable-owner").then().statusCode(200),
                List.of(ns + "/one"));
    }

    private Probe contactChanged() {
        String name = namespace() + "/one";
        publishSettled(PUBLISHER, Docs.oauthRemote(name, "1.0.0"));
        return new Probe(() -> agentField(name, GOV + ".ownership.contact.email"),
                () -> as(PUBLISHER).body(Map.of("email", "oncall@example.com"))
                        .put(X + "/ownership/" + encode(name) + "/contact").then().statusCode(200),
                "oncall@example.com");
    }

    private Probe secretFound() {
        String ns = namespace();
        String name = ns + "/leaky";
        publishSettled(PUBLISHER, Docs.oauthRemote(name, "1.0.0"));
        // as a version stored before the scan's rules knew this kind of credential
        String leaky = Docs.oauthRemote(name, "1.0.0").replace("OAuth protected",
                "Try it with " + new FakeSecrets(91).openAiKey());
        Sql.update("UPDATE server_version SET document = CAST(? AS jsonb), document_text = ?, secrets_scanned_with = 0"
                + " WHERE name = ?", leaky, leaky, name);
        return new Probe(() -> agentNames(ns), () -> assertThat(secretSweep.sweep().hidden()).isPositive(), List.of());
    }

    private Probe verificationAskedFor() {
        String name = namespace() + "/one";
        publishSettled(PUBLISHER, Docs.oauthRemote(name, "1.0.0"));
        return new Probe(() -> agentField(name, GOV + ".verification.checkedAt"),
                () -> as(PUBLISHER).post(X + "/servers/" + encode(name) + "/versions/1.0.0/verification").then()
                        .statusCode(200),
                ANOTHER);
    }

    // writes that change nothing agents reach

    private Probe refusedPublish() {
        String ns = namespace();
        publishSettled(PUBLISHER, Docs.oauthRemote(ns + "/one", "1.0.0"));
        return new Probe(() -> agentNames(ns), () -> as(Api.publisher("mallory", "team-other"))
                .body(Docs.oauthRemote(ns + "/two", "1.0.0")).post("/v0.1/publish").then().statusCode(403), null);
    }

    private Probe invalidPublish() {
        String ns = namespace();
        publishSettled(PUBLISHER, Docs.oauthRemote(ns + "/one", "1.0.0"));
        return new Probe(() -> agentNames(ns), () -> as(PUBLISHER).body(Docs.oauthRemote(ns + "/two", "latest"))
                .post("/v0.1/publish").then().statusCode(422), null);
    }

    private Probe exceptionRequested() {
        String ns = namespace();
        publishSettled(PUBLISHER, Docs.apiKeyRemote(ns + "/keyed", "1.0.0"));
        return new Probe(() -> agentNames(ns),
                () -> requestException(ns + "/keyed", Instant.now().plus(30, ChronoUnit.DAYS)), null);
    }

    private Probe reverified() {
        String name = namespace() + "/one";
        publishSettled(PUBLISHER, Docs.oauthRemote(name, "1.0.0"));
        long id = ((Number) Sql.query("SELECT id FROM server_version WHERE name = ?", name)).longValue();
        return new Probe(() -> agentNames(name), () -> verifications.store(verifications.target(id).orElseThrow(),
                verifications.lastResults(id), false), null);
    }

    private Probe namespaceRemapped() {
        String ns = namespace();
        publishSettled(PUBLISHER, Docs.oauthRemote(ns + "/one", "1.0.0"));
        return new Probe(() -> agentField(ns + "/one", GOV + ".owner.team"), () -> as(ADMIN)
                .body(Map.of("owningTeam", "team-fresh-next")).put(X + "/namespaces/" + ns).then().statusCode(200),
                null);
    }

    // helpers

    /**
     * Waits until the counter has stood still for a while: work of earlier tests that the registry finishes in the
     * background (an exception end announced, a first check) must not move it while a scenario reads.
     */
    private void awaitQuiet() {
        long generation = counter.read().generation();
        long still = System.nanoTime();
        for (int i = 0; i < 150 && System.nanoTime() - still < 1_200_000_000L; i++) {
            sleep(100);
            long now = counter.read().generation();
            if (now != generation) {
                generation = now;
                still = System.nanoTime();
            }
        }
    }

    private static String namespace() {
        return Api.freshNamespace(TEAM);
    }

    /**
     * Publishes and waits for the first check of the version's remotes, which the registry runs in the background
     * right after a publish: so that it cannot move the counter while a scenario reads.
     */
    private static void publishSettled(String token, String document) {
        Api.publishOk(token, document);
        String name = document.substring(document.indexOf("\"name\":\"") + 8);
        name = name.substring(0, name.indexOf('"'));
        for (int i = 0; i < 200; i++) {
            Object unchecked = Sql.query("SELECT count(*) FROM server_version WHERE name = ? AND verification IS NULL",
                    name);
            if (((Number) unchecked).intValue() == 0) {
                return;
            }
            sleep(50);
        }
        throw new AssertionError("the first check of " + name + " did not end");
    }

    private static List<String> agentNames(String search) {
        return names(AGENT, search);
    }

    private static List<String> names(String token, String search) {
        return as(token).get("/v0.1/servers?search=" + encode(search)).then().statusCode(200).extract()
                .jsonPath().getList("servers.server.name", String.class);
    }

    private static List<String> agentVersions(String name) {
        return as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions").then().statusCode(200).extract()
                .jsonPath().getList("servers.server.version", String.class);
    }

    private static Object agentField(String name, String path) {
        return as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().statusCode(200).extract()
                .path(path);
    }

    private static String importItem(String document, String status) {
        String at = Instant.now().toString();
        return """
                {"server":%s,"_meta":{"io.modelcontextprotocol.registry/official":{"status":"%s","isLatest":true,
                 "publishedAt":"%s","updatedAt":"%s"}}}""".formatted(document, status, at, at);
    }

    private static void importItems(String... items) {
        as(ADMIN).body("{\"owningTeam\":\"" + TEAM + "\",\"items\":[" + String.join(",", items) + "]}")
                .post(X + "/imports").then().statusCode(200);
    }

    private static String requestException(String name, Instant end) {
        return as(PUBLISHER).body("""
                {"serverName":"%s","classification":"transitional","justification":"Vendor has no OAuth until Q3",
                 "expiresAt":"%s","compensatingControls":{"rotationDays":30,"keyStorage":"vault:kv/mcp/weather",
                 "offboardingOwner":"iam-team"}}""".formatted(name, end))
                .post(X + "/exceptions").then().statusCode(201).extract().path("id");
    }

    private static void decideException(String token, String id, String decision) {
        as(token).body(Map.of("reason", "Compensating controls are adequate"))
                .post(X + "/exceptions/" + id + "/" + decision).then().statusCode(200);
    }

    private static void offboard(String subject) {
        as(ADMIN).body(Map.of("subject", subject, "reason", "Left the company")).post(X + "/offboardings").then()
                .statusCode(201);
    }

    private static double count(String result) {
        return Metrics.count("registry_read_cache_total", result);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
