package io.mcpgov.registry.secrets;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.secrets.SecretDocs.Place;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.LogCapture;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.testing.FakeSecrets;
import io.mcpgov.registry.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A credential written anywhere in a server.json is refused by publish, validate and import alike, with rule
 * {@code hardcoded-secret} and the JSON pointer of the place, and its value is neither in the answer nor in the log.
 */
@QuarkusTest
@RegistryTest
class HardcodedSecretApiTest {

    private static final String TEAM = "team-secrets";
    private static final String PUBLISHER = Api.publisher("pia", TEAM);
    private static final AtomicInteger SERVERS = new AtomicInteger();
    private static final FakeSecrets FAKE = new FakeSecrets(20251218);

    private static String ns;

    @BeforeEach
    void namespace() {
        if (ns == null) {
            ns = Api.freshNamespace(TEAM);
        }
    }

    static Stream<Place> attacked() {
        return SecretDocs.attacked().stream();
    }

    static Stream<Place> others() {
        return SecretDocs.others().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacked")
    void theSevenPlacesOnceAcceptedAreRefused(Place place) {
        assertRefusedEverywhere(place);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("others")
    void everyOtherPlaceIsRefusedToo(Place place) {
        assertRefusedEverywhere(place);
    }

    @Test
    void theCleanDocumentIsPublished() {
        as(PUBLISHER).body(SecretDocs.clean(server()).toString()).post("/v0.1/publish").then().statusCode(200);
    }

    @Test
    void placeholdersArePublished() {
        ObjectNode doc = SecretDocs.clean(server());
        ObjectNode remote = (ObjectNode) doc.get("remotes").get(0);
        remote.put("url", remote.get("url").asText() + "?api_key={api_key}");
        remote.putObject("variables").putObject("api_key").put("isSecret", true).put("default", "<YOUR_API_KEY>");
        remote.putArray("headers").add(header("Authorization", "value", "Bearer {token}"))
                .add(header("X-API-Key", "default", "your-api-key-here"))
                .add(header("X-Other-Token", "value", "${OTHER_TOKEN}"))
                .add(header("X-Masked-Secret", "default", "****************"))
                .add(header("X-Github-Token", "default", "ghp_" + "x".repeat(36)))
                .add(header("X-Example-Key", "default", "sk-proj-..."));
        ObjectNode env = (ObjectNode) doc.get("packages").get(0).get("environmentVariables").get(0);
        env.put("name", "DB_PASSWORD").put("isSecret", true).put("default", "changeme");
        SecretDocs.publisherProvided(doc).put("apiKey", "$API_KEY").put("token", "{{token}}").put("password", "%PASSWORD%");
        doc.put("description", "Set OPENAI_API_KEY=your_key_here; max_tokens and the tokenizer are configurable.");
        as(PUBLISHER).body(doc.toString()).post("/v0.1/validate").then().statusCode(200)
                .body("valid", equalTo(true));
        as(PUBLISHER).body(doc.toString()).post("/v0.1/publish").then().statusCode(200);
    }

    @Test
    void theLogCaptureSeesTheApplicationsLog() {
        try (LogCapture log = LogCapture.start()) {
            Logger.getLogger("io.mcpgov.registry.secrets").debug("log capture check");
            assertThat(log.text()).contains("log capture check");
        }
    }

    private void assertRefusedEverywhere(Place place) {
        String secret = place.secret().apply(FAKE);
        String name = server();
        ObjectNode doc = SecretDocs.clean(name);
        place.write().accept(doc, secret);
        try (LogCapture log = LogCapture.start()) {
            Response published = as(PUBLISHER).body(doc.toString()).post("/v0.1/publish");
            assertThat(published.statusCode()).as(published.asString()).isEqualTo(422);
            assertThat(findings(published.jsonPath(), "errors")).containsExactly(place.pointer());
            assertNoPartOf(secret, published.asString());

            Response validated = as(PUBLISHER).body(doc.toString()).post("/v0.1/validate");
            assertThat(validated.statusCode()).isEqualTo(200);
            assertThat(validated.jsonPath().getBoolean("valid")).isFalse();
            assertThat(findings(validated.jsonPath(), "issues")).containsExactly(place.pointer());
            assertNoPartOf(secret, validated.asString());

            Response imported = as(ADMIN).body(Map.of("owningTeam", TEAM,
                    "items", List.of(Map.of("server", doc)))).post(X + "/imports");
            assertThat(imported.statusCode()).as(imported.asString()).isEqualTo(200);
            assertThat(imported.jsonPath().getInt("imported")).isZero();
            assertThat(imported.jsonPath().getInt("refused")).isEqualTo(1);
            assertThat(imported.jsonPath().getString("refusals[0].name")).isEqualTo(name);
            assertThat(findings(imported.jsonPath(), "refusals[0].errors")).containsExactly(place.pointer());
            assertNoPartOf(secret, imported.asString());

            assertNoPartOf(secret, log.text());
        }
        as(Api.AGENT).get("/v0.1/servers/" + Api.encode(name) + "/versions/latest").then().statusCode(404);
    }

    /** The pointers of the hardcoded-secret violations in a list of violations. */
    private static List<String> findings(JsonPath body, String list) {
        List<Map<String, String>> violations = body.getList(list);
        return violations.stream().filter(v -> "hardcoded-secret".equals(v.get("ruleId"))).map(v -> v.get("path")).toList();
    }

    /** Neither the value nor any 8 characters of it with a digit or a capital (its random part). */
    static void assertNoPartOf(String secret, String text) {
        for (int i = 0; i + 8 <= secret.length(); i++) {
            String piece = secret.substring(i, i + 8);
            if (piece.chars().anyMatch(c -> Character.isDigit(c) || Character.isUpperCase(c)) && !piece.contains("-----")) {
                assertThat(text).as("holds part of the credential").doesNotContain(piece);
            }
        }
    }

    private static ObjectNode header(String name, String field, String value) {
        ObjectNode header = Fixtures.MAPPER.createObjectNode().put("name", name);
        header.put(field, value);
        if (!name.equals("Authorization")) {
            header.put("isSecret", true);
        }
        return header;
    }

    private static String server() {
        return ns + "/weather-" + SERVERS.incrementAndGet();
    }
}
