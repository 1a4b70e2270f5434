package io.mcpgov.registry.ownership;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.REVIEWER;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may transfer a server, and to whom: a member of the owning team, proven by a token. */
@QuarkusTest
@RegistryTest
class OwnershipTransferTest {

    private static final String GOV = "_meta.'io.mcpgov.registry/governance'";

    @Inject
    AgroalDataSource dataSource;

    private String team;
    private String owner;
    private String ownerToken;
    private String name;

    @BeforeEach
    void aServerWithTwoVersions() {
        team = "team-own" + System.nanoTime();
        owner = "pat-" + System.nanoTime();
        ownerToken = Api.publisher(owner, team);
        name = Api.freshNamespace(team) + "/svc";
        Api.publishOk(ownerToken, Docs.oauthRemote(name, "1.0.0"));
        Api.publishOk(ownerToken, Docs.oauthRemote(name, "1.1.0"));
    }

    /** A subject the registry has seen act with a token carrying {@code itsTeam}. */
    private String knownMember(String itsTeam) {
        String subject = "member-" + System.nanoTime();
        Api.publishOk(Api.publisher(subject, itsTeam), Docs.oauthRemote(Api.freshNamespace(itsTeam) + "/own", "1.0.0"));
        return subject;
    }

    private ValidatableResponse transfer(String token, String to) {
        return as(token).body(Map.of("accountableOwner", to, "reason", "Team reorganisation"))
                .put(X + "/ownership/" + encode(name) + "/accountable-owner").then();
    }

    private void assertEveryVersionOwnedBy(String subject) {
        as(ADMIN).get("/v0.1/servers/" + encode(name) + "/versions").then().statusCode(200)
                .body("servers.size()", equalTo(2))
                .body("servers." + GOV + ".owner.accountableOwner", everyItem(equalTo(subject)));
    }

    @Test
    void aTeamMemberTransfersToAKnownMemberOfTheTeamAndTheTransferIsAudited() {
        String member = knownMember(team);
        String requestId = "transfer-" + System.nanoTime();
        as(ownerToken).header("X-Request-Id", requestId)
                .body(Map.of("accountableOwner", member, "reason", "Team reorganisation"))
                .put(X + "/ownership/" + encode(name) + "/accountable-owner").then().statusCode(200)
                .body("accountableOwner", equalTo(member))
                .body("owningTeam", equalTo(team))
                .body("orphaned", equalTo(false));
        assertEveryVersionOwnedBy(member);

        JsonPath events = as(AUDITOR).queryParam("requestId", requestId).get(X + "/audit").then().statusCode(200)
                .extract().jsonPath();
        assertThat(events.getList("events")).hasSize(1);
        assertThat(events.getString("events[0].action")).isEqualTo("ownership.transferred");
        assertThat(events.getString("events[0].target.type")).isEqualTo("server");
        assertThat(events.getString("events[0].target.id")).isEqualTo(name);
        assertThat(events.getString("events[0].before.accountableOwner")).isEqualTo(owner);
        assertThat(events.getString("events[0].after.accountableOwner")).isEqualTo(member);
        assertThat(events.getString("events[0].after.reason")).isEqualTo("Team reorganisation");

        // later versions belong to the server's owner, whoever publishes them
        Api.publishOk(ownerToken, Docs.oauthRemote(name, "2.0.0"));
        as(ADMIN).get("/v0.1/servers/" + encode(name) + "/versions/2.0.0").then()
                .body(GOV + ".owner.accountableOwner", equalTo(member));
    }

    @Test
    void aMemberOfTheTeamTakesTheServerOverThemselvesWithoutBeingKnownBefore() {
        String newcomer = "newcomer-" + System.nanoTime();
        String requestId = "takeover-" + System.nanoTime();
        as(Api.publisher(newcomer, team)).header("X-Request-Id", requestId)
                .body(Map.of("accountableOwner", newcomer, "reason", "I run it now"))
                .put(X + "/ownership/" + encode(name) + "/accountable-owner").then().statusCode(200)
                .body("accountableOwner", equalTo(newcomer));
        assertEveryVersionOwnedBy(newcomer);
        as(AUDITOR).queryParam("requestId", requestId).get(X + "/audit").then()
                .body("events.action", contains("ownership.taken-over"));
    }

    @Test
    void outsidersAreForbiddenAndChangeNothing() {
        String outsider = Api.publisher("olga-" + System.nanoTime(), "team-other");
        transfer(outsider, owner).statusCode(403).body("errors[0].ruleId", equalTo("namespace-not-owned"));
        String self = "olga-" + System.nanoTime();
        transfer(Api.publisher(self, "team-other"), self).statusCode(403);
        transfer(REVIEWER, knownMember(team)).statusCode(403);
        assertEveryVersionOwnedBy(owner);
    }

    @Test
    void theNewOwnerMustBeKnownToBelongToTheOwningTeam() {
        transfer(ownerToken, "ghost-" + System.nanoTime()).statusCode(422)
                .body("errors[0].ruleId", equalTo("owner-unknown"))
                .body("errors[0].path", equalTo("/accountableOwner"));
        transfer(ownerToken, knownMember("team-elsewhere")).statusCode(422)
                .body("errors[0].ruleId", equalTo("owner-not-in-team"));
        // an admin may transfer, but not to themselves unless they are in the team
        transfer(ADMIN, "ada").statusCode(422).body("errors[0].ruleId", equalTo("owner-not-in-team"));
        assertEveryVersionOwnedBy(owner);
    }

    @Test
    void anAdminTransfersToAKnownMember() {
        String member = knownMember(team);
        transfer(ADMIN, member).statusCode(200).body("accountableOwner", equalTo(member));
        assertEveryVersionOwnedBy(member);
    }

    @Test
    void membershipSeenLongAgoNoLongerCounts() throws Exception {
        String member = knownMember(team);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE known_subject SET last_seen_at = now() - interval '181 days' WHERE subject = '" + member + "'");
        }
        transfer(ownerToken, member).statusCode(422).body("errors[0].ruleId", equalTo("owner-unknown"));
    }

    @Test
    void offboardedPeopleCannotBecomeOwners() {
        String member = knownMember(team);
        as(ADMIN).body(Map.of("subject", member, "reason", "Left")).post(X + "/offboardings").then().statusCode(201);
        transfer(ownerToken, member).statusCode(422).body("errors[0].ruleId", equalTo("owner-offboarded"));
    }

    @Test
    void sameOwnerIsNoChangeAndMissingFieldsAreBadRequests() {
        String requestId = "same-" + System.nanoTime();
        as(ownerToken).header("X-Request-Id", requestId).body(Map.of("accountableOwner", owner, "reason", "again"))
                .put(X + "/ownership/" + encode(name) + "/accountable-owner").then().statusCode(200)
                .body("accountableOwner", equalTo(owner));
        as(AUDITOR).queryParam("requestId", requestId).get(X + "/audit").then().body("events.size()", equalTo(0));
        as(ownerToken).body(Map.of("accountableOwner", owner)).put(X + "/ownership/" + encode(name) + "/accountable-owner")
                .then().statusCode(400).body("errors[0].ruleId", equalTo("reason-required"));
        as(ownerToken).body("{}").put(X + "/ownership/" + encode(name) + "/accountable-owner")
                .then().statusCode(400).body("errors[0].ruleId", equalTo("accountableOwner-required"));
        transfer(ownerToken, owner).statusCode(200);
        as(ownerToken).body(Map.of("accountableOwner", owner, "reason", "x"))
                .put(X + "/ownership/" + encode("com.absent/none") + "/accountable-owner").then().statusCode(404);
    }

    @Test
    void ownershipIsReadableByTheTeamAndByReviewersAdminsAndAuditorsOnly() {
        as(ownerToken).get(X + "/ownership/" + encode(name)).then().statusCode(200)
                .body("serverName", equalTo(name)).body("accountableOwner", equalTo(owner));
        as(AUDITOR).get(X + "/ownership/" + encode(name)).then().statusCode(200);
        as(Api.publisher("olga", "team-other")).get(X + "/ownership/" + encode(name)).then().statusCode(404);
    }
}
