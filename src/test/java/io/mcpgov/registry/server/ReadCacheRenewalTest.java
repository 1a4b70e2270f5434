package io.mcpgov.registry.server;

import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.Metrics;
import io.mcpgov.registry.support.ProductionSettings;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The read cache in the running registry: an answer read once half its {@code max-age} has passed is computed again
 * on the cache's own renewal thread while the kept answer is served, and the renewed answer is then served from
 * memory; a change counted in the database (by any instance) is seen by the very next read.
 */
@QuarkusTest
@RegistryTest
@TestProfile(ProductionSettings.class)
class ReadCacheRenewalTest {

    private static final String TEAM = "team-renewal";
    private static final String PUBLISHER = Api.publisher("pat", TEAM);

    private static double count(String result) {
        return Metrics.count("registry_read_cache_total", result);
    }

    /** A server whose remote the guard refuses: its checks end at once and never change its listing. */
    private static String published() {
        String name = Api.freshNamespace(TEAM) + "/renewed";
        Api.publishOk(PUBLISHER, """
                {"$schema":"%s","name":"%s","description":"Renewed","version":"1.0.0",
                 "remotes":[{"type":"streamable-http","url":"https://10.0.0.4/%s"}]}"""
                .formatted(Docs.SCHEMA, name, name));
        return name;
    }

    /** When the stored view says the version was last checked; changes with every check, listing untouched. */
    private static String storedCheck(String name) {
        return (String) Sql.query("SELECT verification->>'checkedAt' FROM server_version WHERE name = ?", name);
    }

    private static String awaitNewCheck(String name, String previous) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            String checked = storedCheck(name);
            if (checked != null && !checked.equals(previous)) {
                return checked;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no new check of " + name);
    }

    private static String servedCheck(String url) {
        return as(AGENT).get(url).then().statusCode(200).extract()
                .path("_meta.'io.mcpgov.registry/governance'.verification.checkedAt");
    }

    private static void checkAgain(String name) {
        assertThat(Sql.update("UPDATE server_version SET verification_due_at = now() - interval '1 second'"
                + " WHERE name = ?", name)).isOne();
    }

    @Test
    void anAnswerReadInItsSecondHalfIsRenewedOnTheRenewalThread() throws InterruptedException {
        String name = published();
        String url = "/v0.1/servers/" + encode(name) + "/versions/1.0.0";
        String first = awaitNewCheck(name, null);

        double misses = count("miss");
        Instant computed = Instant.now();
        assertThat(servedCheck(url)).isEqualTo(first);
        assertThat(count("miss")).as("the first read computes the answer").isEqualTo(misses + 1);

        // a background check changes a detail without changing the listing: the counter does not move
        checkAgain(name);
        String second = awaitNewCheck(name, first);
        double hits = count("hit");
        assertThat(servedCheck(url)).as("the kept answer, still valid").isEqualTo(first);
        assertThat(count("hit")).isEqualTo(hits + 1);

        Instant renewAt = computed.plusSeconds(ProductionSettings.READ_CACHE_MAX_AGE_SECONDS / 2 + 1);
        while (Instant.now().isBefore(renewAt)) {
            Thread.sleep(100);
        }
        double renewals = count("renewal");
        hits = count("hit");
        misses = count("miss");
        // the read starts the renewal and is answered from memory without waiting for it; on a busy machine the
        // renewal may be done before the read takes its answer, which is then the renewed one
        assertThat(servedCheck(url)).as("served from memory while it is renewed").isIn(first, second);
        assertThat(count("hit")).isEqualTo(hits + 1);
        assertThat(count("miss")).isEqualTo(misses);
        for (int i = 0; i < 200 && count("renewal") == renewals; i++) {
            Thread.sleep(50);
        }
        assertThat(count("renewal")).isEqualTo(renewals + 1);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).contains("read-cache-renewal");

        hits = count("hit");
        misses = count("miss");
        assertThat(servedCheck(url)).as("the renewed answer").isEqualTo(second);
        assertThat(count("hit")).as("answered from memory").isEqualTo(hits + 1);
        assertThat(count("miss")).isEqualTo(misses);
    }

    @Test
    void aChangeCountedInTheDatabaseIsSeenByTheNextRead() throws InterruptedException {
        String name = published();
        String url = "/v0.1/servers/" + encode(name) + "/versions/latest";
        String first = awaitNewCheck(name, null);
        assertThat(servedCheck(url)).isEqualTo(first);
        checkAgain(name);
        String second = awaitNewCheck(name, first);
        assertThat(servedCheck(url)).as("nothing counted yet: the kept answer").isEqualTo(first);

        // what another instance's change does to this one: it moves the shared counter
        Sql.update("UPDATE registry_generation SET generation = generation + 1 WHERE id = 1");
        double misses = count("miss");
        assertThat(servedCheck(url)).isEqualTo(second);
        assertThat(count("miss")).isEqualTo(misses + 1);
    }
}
