package io.mcpgov.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may open which console page: the same visibility as the API, agents refused, sign-in required. */
@QuarkusTest
@RegistryTest
@QuarkusTestResource(ConsoleIssuer.class)
class ConsoleAccessTest {

    private static final List<String> PAGES = List.of("/console/queue", "/console/owners", "/console/overview",
            "/console/servers");

    @TestHTTPResource("/")
    URI base;

    @Test
    void withoutSessionTheConsoleSendsTheBrowserToTheIssuer() {
        for (String page : PAGES) {
            HttpResponse<String> response = ConsoleSession.anonymous(base).get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(ConsoleSession.location(response)).contains("/authorize").contains("client_id=registry-console")
                    .contains("code_challenge_method=S256").contains("redirect_uri=");
        }
    }

    @Test
    void theBearerApiIsUnchanged() {
        Api.anonymous().get("/v0.1/servers").then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        Api.as(Api.AGENT).get("/v0.1/servers").then().statusCode(200)
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void agentsAndUsersWithoutARegistryRoleAreRefused() {
        ConsoleSession agnes = ConsoleSession.signIn(base, "agnes");
        for (String page : PAGES) {
            HttpResponse<String> response = agnes.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(response.body()).contains("Agents use the registry").doesNotContain("Exception");
        }
        ConsoleSession nobody = ConsoleSession.signIn(base, "nobody-" + System.nanoTime(), "employees");
        assertThat(nobody.get("/console/queue").statusCode()).isEqualTo(403);
    }

    @Test
    void publishersSeeTheirTeamsServersOnly() {
        String team = "team-c" + System.nanoTime() % 100000;
        String mine = ConsoleFixtures.hiddenServer(team, Api.publisher("pub-a", team));
        String other = team + "-other";
        String theirs = ConsoleFixtures.hiddenServer(other, Api.publisher("pub-b", other));
        String mineRequest = ConsoleFixtures.requestException(Api.publisher("pub-a", team), mine);
        ConsoleFixtures.requestException(Api.publisher("pub-b", other), theirs);

        ConsoleSession publisher = ConsoleSession.signIn(base, "pub-a", "publisher", team);
        HttpResponse<String> owners = publisher.get("/console/owners");
        assertThat(owners.statusCode()).isEqualTo(200);
        assertThat(owners.body()).contains(mine).contains("api-key-only").contains("To unblock")
                .contains("request an exception").doesNotContain(theirs);
        assertThat(publisher.get("/console/server?name=" + ConsoleSession.encode(theirs)).statusCode()).isEqualTo(404);
        assertThat(publisher.get("/console/server?name=" + ConsoleSession.encode(mine)).statusCode()).isEqualTo(200);

        HttpResponse<String> queue = publisher.get("/console/queue?server=" + ConsoleSession.encode(mine));
        assertThat(queue.body()).contains(mine).doesNotContain("/console/exceptions/" + mineRequest + "/decision")
                .contains("Four eyes");
        assertThat(publisher.get("/console/queue?server=" + ConsoleSession.encode(theirs)).body())
                .contains("No exception is waiting");
        assertThat(publisher.post("/console/exceptions/" + mineRequest + "/decision",
                java.util.Map.of("csrf", publisher.csrf("/console/queue"), "decision", "approve", "reason", "mine"))
                .statusCode()).isEqualTo(403);
        ConsoleFixtures.assertState(mineRequest, "pending");
    }

    @Test
    void reviewersSeeEveryServerAndTheQueue() {
        String team = "team-r" + System.nanoTime() % 100000;
        String name = ConsoleFixtures.hiddenServer(team, Api.publisher("pub-r", team));
        String id = ConsoleFixtures.requestException(Api.publisher("pub-r", team), name);
        ConsoleSession rey = ConsoleSession.signIn(base, "rey");
        HttpResponse<String> queue = rey.get("/console/queue?server=" + ConsoleSession.encode(name));
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains(name).contains("/console/exceptions/" + id + "/decision")
                .contains("Vendor ships OAuth next quarter").contains("vault:kv/mcp/keyed").contains("pub-r")
                .contains("api-key");
        HttpResponse<String> server = rey.get("/console/server?name=" + ConsoleSession.encode(name));
        assertThat(server.statusCode()).isEqualTo(200);
        assertThat(server.body()).contains("Not listed").contains("exception.requested").contains(team)
                .contains("Authorization");
        assertThat(rey.get("/console/overview").body()).contains("Servers by auth type").contains("Exceptions expiring soon");
        assertThat(rey.get("/console/owners").body()).contains("Servers not listed").contains(name);
        assertThat(rey.get("/console/servers?search=" + ConsoleSession.encode(name)).body()).contains(name);
    }

    @Test
    void theOverviewNamesOrphanedServersForReviewers() {
        String team = "team-orphan-" + System.nanoTime();
        String leaver = "leaver-" + System.nanoTime();
        String name = Api.freshNamespace(team) + "/left-behind";
        Api.publishOk(Api.publisher(leaver, team), Docs.publicRemote(name, "1.0.0"));
        Api.as(Api.ADMIN).body(Map.of("subject", leaver, "reason", "Left the company"))
                .post(Api.X + "/offboardings").then().statusCode(201);
        String overview = ConsoleSession.signIn(base, "rey").get("/console/overview").body();
        assertThat(overview).contains("Orphaned servers").contains(name).contains("Access reviews overdue");
    }

    @Test
    void unknownServersAndVersionsAreNotFoundPages() {
        ConsoleSession rey = ConsoleSession.signIn(base, "rey");
        HttpResponse<String> missing = rey.get("/console/server?name=com.nowhere%2Fnothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Server not found").doesNotContain("Exception:").doesNotContain("at io.");
    }
}
