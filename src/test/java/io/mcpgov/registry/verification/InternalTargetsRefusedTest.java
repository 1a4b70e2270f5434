package io.mcpgov.registry.verification;

import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.support.Api.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.LoopbackListener;
import io.mcpgov.registry.support.ProductionSettings;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.support.Sql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * With the production settings, the registry never contacts an internal address on an entry's behalf: publish refuses
 * remotes on this machine, and verification refuses (rule {@code refused}, nothing sent) private, link-local, cloud
 * metadata, unique-local and loopback targets, and host names that resolve to loopback, even for a version whose
 * stored remotes point there.
 */
@QuarkusTest
@RegistryTest
@TestProfile(ProductionSettings.class)
class InternalTargetsRefusedTest {

    private static final String TEAM = "team-ssrf";
    private static final String PUBLISHER = Api.publisher("pat", TEAM);

    private static String withRemotes(String name, List<String> urls) {
        String remotes = urls.stream().map(url -> "{\"type\":\"streamable-http\",\"url\":\"" + url + "\"}")
                .collect(Collectors.joining(","));
        return """
                {"$schema":"%s","name":"%s","description":"Internal","version":"1.0.0","remotes":[%s]}"""
                .formatted(Docs.SCHEMA, name, remotes);
    }

    private static JsonPath verifyNow(String name) {
        return as(PUBLISHER).post(X + "/servers/" + encode(name) + "/versions/1.0.0/verification").then()
                .statusCode(200).extract().jsonPath();
    }

    /** Every remote was refused by the guard before anything was sent, and nothing else was probed. */
    private static void assertEveryRemoteRefused(JsonPath verification, List<String> urls) {
        assertThat(verification.getList("remotes.remoteUrl")).containsExactlyElementsOf(urls);
        for (int i = 0; i < urls.size(); i++) {
            assertRefused(verification, i, urls.get(i));
        }
    }

    private static void assertRefused(JsonPath verification, int index, String url) {
        String remote = "remotes[" + index + "]";
        assertThat(verification.getString(remote + ".verdict")).as(url).isEqualTo("unreachable");
        assertThat(verification.getString(remote + ".unreachable")).as(url).isEqualTo("refused");
        assertThat(verification.getList(remote + ".probes.outcome", String.class)).as(url)
                .singleElement().asString().startsWith("refused: ");
    }

    @Test
    void publishRefusesRemotesOnThisMachine() {
        String ns = Api.freshNamespace(TEAM);
        for (String url : List.of("https://127.0.0.1/mcp", "https://127.0.0.2:8443/mcp", "https://[::1]/mcp",
                "https://localhost/mcp", "https://mcp.localhost/mcp", "https://[::ffff:127.0.0.1]/mcp")) {
            as(PUBLISHER).body(withRemotes(ns + "/local", List.of(url))).post("/v0.1/publish").then().statusCode(422)
                    .body("errors.ruleId", hasItem("remote-url-localhost"));
        }
    }

    @Test
    void verifyNowRefusesPrivateLinkLocalMetadataAndUniqueLocalAddresses() {
        String name = Api.freshNamespace(TEAM) + "/internal";
        List<String> urls = List.of("https://10.0.0.1/mcp", "https://169.254.169.254/latest/meta-data/",
                "https://[fd00::1]/mcp", "https://[fd00:ec2::254]/mcp", "https://192.168.1.1/mcp");
        Api.publishOk(PUBLISHER, withRemotes(name, urls));
        JsonPath verification = verifyNow(name);
        assertEveryRemoteRefused(verification, urls);
        assertThat(verification.getString("remotes[0].detail")).contains("private-network address");
        assertThat(verification.getString("remotes[1].detail")).contains("cloud metadata address");
        assertThat(verification.getString("remotes[2].detail")).contains("unique-local");
    }

    @Test
    void verifyNowRefusesLoopbackAndNamesThatResolveToItEvenWhenStored() {
        try (LoopbackListener listener = new LoopbackListener()) {
            String name = Api.freshNamespace(TEAM) + "/stored-local";
            List<String> urls = List.of("https://127.0.0.1:" + listener.port() + "/mcp",
                    "https://[::1]:" + listener.port() + "/mcp", "https://localhost:" + listener.port() + "/mcp");
            String plainHttp = "http://127.0.0.1:" + listener.port() + "/mcp";
            Api.publishOk(PUBLISHER, withRemotes(name, List.of("https://a.example.com/mcp", "https://b.example.com/mcp",
                    "https://c.example.com/mcp", "https://d.example.com/mcp")));
            List<String> stored = new java.util.ArrayList<>(urls);
            stored.add(plainHttp);
            // a version stored while publish allowed it (an older setting or release): the verifier is the last guard
            for (int i = 0; i < stored.size(); i++) {
                assertThat(Sql.update("UPDATE server_version SET auth_profile = jsonb_set(auth_profile, ?::text[], "
                        + "to_jsonb(?::text)) WHERE name = ?", "{remotes," + i + ",url}", stored.get(i), name)).isOne();
            }
            JsonPath verification = verifyNow(name);
            assertThat(verification.getList("remotes.remoteUrl")).containsExactlyElementsOf(stored);
            for (int i = 0; i < urls.size(); i++) {
                assertRefused(verification, i, urls.get(i));
            }
            // localhost names are loopback whatever a resolver answers (RFC 6761): refused without asking one
            assertThat(verification.getString("remotes[2].detail")).contains("host localhost is a loopback name");
            // plain http is failed by the https check itself, before any request
            assertThat(verification.getString("remotes[3].verdict")).isEqualTo("failed");
            assertThat(verification.getList("remotes[3].failedChecks")).containsExactly("E1");
            assertThat(verification.getList("remotes[3].probes")).isEmpty();
            assertThat(listener.connections()).as("connections made to this machine").isZero();
        }
    }
}
