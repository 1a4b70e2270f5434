package io.mcpgov.registry.review;

import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.Metrics;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With registry.reviews.hide-overdue-after-days, a review overdue past the grace period hides the server. */
@QuarkusTest
@RegistryTest
@TestProfile(ReviewHidingTest.HideAfterTwoDays.class)
class ReviewHidingTest {

    public static class HideAfterTwoDays implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registry.reviews.hide-overdue-after-days", "2");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    private static int agentStatus(String name) {
        return as(AGENT).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().extract().statusCode();
    }

    @Test
    void anOverdueReviewHidesTheServerAfterTheGracePeriodUntilTheOwnerAnswers() throws Exception {
        String team = "team-hide" + System.nanoTime();
        String owner = Api.publisher("pat", team);
        String name = Api.freshNamespace(team) + "/svc";
        Api.publishOk(owner, Docs.oauthRemote(name, "1.0.0"));
        String id = ReviewCampaignTest.campaign(REVIEWER, team, Instant.now().plus(7, ChronoUnit.DAYS));
        // the grace period (2 days after the due date) ends in 3 seconds; nothing is written when it does
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE review_item SET due_at = now() - interval '2 days' + interval '3 seconds'"
                    + " WHERE campaign_id = '" + id + "'");
        }
        assertThat(agentStatus(name)).as("within the grace period").isEqualTo(200);
        assertThat(agentStatus(name)).isEqualTo(200);

        Thread.sleep(3500);

        assertThat(agentStatus(name)).as("past it, on the next read").isEqualTo(404);
        as(owner).get("/v0.1/servers/" + encode(name) + "/versions/latest").then().statusCode(200)
                .body("_meta.'io.mcpgov.registry/governance'.reasons.ruleId", hasItem("review-overdue"));

        as(owner).body(Map.of()).post(X + "/review-campaigns/" + id + "/items/" + encode(name) + "/attest")
                .then().statusCode(200).body("state", equalTo("attested"));
        assertThat(agentStatus(name)).isEqualTo(200);
    }

    @Test
    void answeringAReviewAndANewCampaignReachReadsAnsweredFromMemory() throws Exception {
        String team = "team-cached" + System.nanoTime();
        String owner = Api.publisher("pat", team);
        String ns = Api.freshNamespace(team);
        String name = ns + "/svc";
        Api.publishOk(owner, Docs.oauthRemote(name, "1.0.0"));
        awaitFirstCheck(name);
        String first = ReviewCampaignTest.campaign(REVIEWER, team, Instant.now().plus(7, ChronoUnit.DAYS));
        ReviewCampaignTest.makeOverdue(dataSource, first, 10);
        assertThat(twiceFromMemory(ns)).isEmpty();

        as(owner).body(Map.of()).post(X + "/review-campaigns/" + first + "/items/" + encode(name) + "/attest")
                .then().statusCode(200);
        assertThat(agentNames(ns)).containsExactly(name);

        String second = ReviewCampaignTest.campaign(REVIEWER, team, Instant.now().plus(7, ChronoUnit.DAYS));
        ReviewCampaignTest.makeOverdue(dataSource, second, 10);
        assertThat(twiceFromMemory(ns)).isEmpty();
        ReviewCampaignTest.campaign(REVIEWER, team, Instant.now().plus(7, ChronoUnit.DAYS));
        assertThat(agentNames(ns)).as("a newer campaign's item is the current one").containsExactly(name);
    }

    /** The agent's search, read twice: the second read is answered from memory. */
    private static List<String> twiceFromMemory(String search) {
        List<String> first = agentNames(search);
        double hits = Metrics.count("registry_read_cache_total", "hit");
        assertThat(agentNames(search)).isEqualTo(first);
        assertThat(Metrics.count("registry_read_cache_total", "hit")).isEqualTo(hits + 1);
        return first;
    }

    private static List<String> agentNames(String search) {
        return as(AGENT).get("/v0.1/servers?search=" + encode(search)).then().statusCode(200).extract().jsonPath()
                .getList("servers.server.name", String.class);
    }

    /** The registry checks a new version's remotes in the background right after it is published. */
    private static void awaitFirstCheck(String name) throws InterruptedException {
        for (int i = 0; i < 200 && ((Number) Sql.query("SELECT count(*) FROM server_version WHERE name = ?"
                + " AND verification IS NULL", name)).intValue() > 0; i++) {
            Thread.sleep(50);
        }
    }

    @Test
    void aNewerCampaignGivesTheServerANewDueDate() throws Exception {
        String team = "team-renew" + System.nanoTime();
        String name = Api.freshNamespace(team) + "/svc";
        Api.publishOk(Api.publisher("pat", team), Docs.oauthRemote(name, "1.0.0"));
        String first = ReviewCampaignTest.campaign(REVIEWER, team, Instant.now().plus(7, ChronoUnit.DAYS));
        ReviewCampaignTest.makeOverdue(dataSource, first, 10);
        assertThat(agentStatus(name)).isEqualTo(404);

        ReviewCampaignTest.campaign(REVIEWER, team, Instant.now().plus(7, ChronoUnit.DAYS));
        assertThat(agentStatus(name)).isEqualTo(200);
    }
}
