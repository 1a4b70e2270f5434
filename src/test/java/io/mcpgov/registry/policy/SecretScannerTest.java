package io.mcpgov.registry.policy;

import static io.mcpgov.registry.testing.Fixtures.json5;
import static io.mcpgov.registry.testing.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.testing.FakeSecrets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretScannerTest {

    private final SecretScanner scanner = new SecretScanner();

    static Stream<Arguments> knownShapes() {
        FakeSecrets fake = new FakeSecrets(20251218L);
        return Stream.of(
                Arguments.of(fake.githubToken("ghp_"), SecretKind.GITHUB_TOKEN),
                Arguments.of(fake.githubToken("gho_"), SecretKind.GITHUB_TOKEN),
                Arguments.of(fake.githubToken("ghu_"), SecretKind.GITHUB_TOKEN),
                Arguments.of(fake.githubToken("ghs_"), SecretKind.GITHUB_TOKEN),
                Arguments.of(fake.githubToken("ghr_"), SecretKind.GITHUB_TOKEN),
                Arguments.of(fake.githubFineGrained(), SecretKind.GITHUB_FINE_GRAINED_TOKEN),
                Arguments.of(fake.openAiKey(), SecretKind.OPENAI_STYLE_KEY),
                Arguments.of(fake.anthropicKey(), SecretKind.OPENAI_STYLE_KEY),
                Arguments.of(fake.stripeKey("sk_live_"), SecretKind.STRIPE_KEY),
                Arguments.of(fake.stripeKey("rk_live_"), SecretKind.STRIPE_KEY),
                Arguments.of(fake.slackToken("xoxb-"), SecretKind.SLACK_TOKEN),
                Arguments.of(fake.slackToken("xoxp-"), SecretKind.SLACK_TOKEN),
                Arguments.of(fake.slackToken("xoxa-"), SecretKind.SLACK_TOKEN),
                Arguments.of(fake.slackToken("xapp-1-"), SecretKind.SLACK_TOKEN),
                Arguments.of(fake.awsKeyId("AKIA"), SecretKind.AWS_ACCESS_KEY_ID),
                Arguments.of(fake.awsKeyId("ASIA"), SecretKind.AWS_ACCESS_KEY_ID),
                Arguments.of(fake.googleKey(), SecretKind.GOOGLE_API_KEY),
                Arguments.of(fake.gitlabToken(), SecretKind.GITLAB_TOKEN),
                Arguments.of(fake.npmToken(), SecretKind.NPM_TOKEN),
                Arguments.of(fake.jwt(), SecretKind.JWT),
                Arguments.of(fake.pemPrivateKey(), SecretKind.PRIVATE_KEY),
                Arguments.of(fake.alnum(40), SecretKind.HIGH_ENTROPY));
    }

    @ParameterizedTest
    @MethodSource("knownShapes")
    void findsEachShapeInAnEnvironmentVariableDefault(String secret, SecretKind kind) {
        ObjectNode doc = load("secret-env-vars.json");
        ((ObjectNode) doc.at("/packages/0/environmentVariables/1")).put("default", secret);
        assertSingleFinding(doc, "/packages/0/environmentVariables/1/default", kind, secret);
    }

    @ParameterizedTest
    @MethodSource("knownShapes")
    void findsEachShapeAfterAnAuthScheme(String secret, SecretKind kind) {
        if (kind == SecretKind.PRIVATE_KEY) {
            return; // not a header value
        }
        ObjectNode doc = load("header-without-is-secret.json");
        ((ObjectNode) doc.at("/remotes/0/headers/0")).put("value", "Bearer " + secret);
        assertSingleFinding(doc, "/remotes/0/headers/0/value", kind, secret);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "bearer ", "token ", "Token "})
    void aShortRandomCredentialAfterASchemeIsEnough(String scheme) {
        FakeSecrets fake = new FakeSecrets(1);
        String secret = fake.alnum(12) + fake.digits(2) + fake.alnum(10); // a typical 24-character API key
        ObjectNode doc = load("header-without-is-secret.json");
        ((ObjectNode) doc.at("/remotes/0/headers/0")).put("value", scheme + secret);
        assertSingleFinding(doc, "/remotes/0/headers/0/value", SecretKind.HIGH_ENTROPY, secret);
    }

    @Test
    void findsBasicCredentials() {
        FakeSecrets fake = new FakeSecrets(2);
        String secret = fake.basicCredentials();
        ObjectNode doc = load("header-without-is-secret.json");
        ((ObjectNode) doc.at("/remotes/0/headers/0")).put("name", "Authorization").put("value", "Basic " + secret);
        assertSingleFinding(doc, "/remotes/0/headers/0/value", SecretKind.BASIC_CREDENTIALS, secret);
    }

    @Test
    void secretFieldsAreHeldToALowerBar() {
        FakeSecrets fake = new FakeSecrets(3);
        String secret = fake.alnum(22);
        ObjectNode doc = load("secret-env-vars.json");
        ((ObjectNode) doc.at("/packages/0/environmentVariables/0")).put("default", secret);
        ((ObjectNode) doc.at("/packages/0/environmentVariables/1")).put("default", secret);
        List<Violation> found = scanner.scan(doc);
        assertEquals(1, found.size(), found.toString());
        assertEquals("/packages/0/environmentVariables/0/default", found.get(0).path());
    }

    @Test
    void scansEveryCredentialCarryingField() {
        FakeSecrets fake = new FakeSecrets(4);
        String secret = fake.githubToken("ghp_");
        ObjectNode doc = load("smithery-bearer.json");
        ObjectNode remote = (ObjectNode) doc.at("/remotes/0");
        ((ObjectNode) remote.at("/headers/0/variables/smithery_api_key")).put("default", secret);
        remote.set("variables", json5("{'region':{'value':'" + secret + "'}}"));
        remote.put("url", remote.get("url").asText() + "?api_key=" + secret);
        ArrayNode packages = doc.putArray("packages");
        packages.add(json5("{'registryType':'npm','identifier':'x','transport':{'type':'streamable-http',"
                + "'url':'http://localhost:3000/mcp','headers':[{'name':'X-Api-Key','value':'" + secret + "'}]},"
                + "'runtimeArguments':[{'type':'named','name':'--token','value':'" + secret + "'}],"
                + "'packageArguments':[{'type':'positional','value':'--key={k}','variables':{'k':{'default':'"
                + secret + "'}}}]}"));
        List<String> paths = scanner.scan(doc).stream().map(Violation::path).toList();
        assertEquals(List.of(
                "/remotes/0/headers/0/variables/smithery_api_key/default",
                "/remotes/0/variables/region/value",
                "/remotes/0/url",
                "/packages/0/runtimeArguments/0/value",
                "/packages/0/packageArguments/0/variables/k/default",
                "/packages/0/transport/headers/0/value"), paths);
        scanner.scan(doc).forEach(v -> assertNoPartOf(secret, v));
    }

    @Test
    void namesTheQueryParameterButNotItsValue() {
        FakeSecrets fake = new FakeSecrets(5);
        String secret = fake.googleKey();
        ObjectNode doc = load("bare-remote.json");
        ((ObjectNode) doc.at("/remotes/0")).put("url", "https://dialer.example.app/mcp?region=eu&key=" + secret);
        Violation found = assertSingleFinding(doc, "/remotes/0/url", SecretKind.GOOGLE_API_KEY, secret);
        assertTrue(found.message().contains("query parameter 'key'"), found.message());
    }

    @Test
    void findsAPasswordInTheUrlUserInfo() {
        FakeSecrets fake = new FakeSecrets(6);
        String password = fake.alnum(12);
        ObjectNode doc = load("bare-remote.json");
        ((ObjectNode) doc.at("/remotes/1")).put("url", "https://admin:" + password + "@dialer.example.app/sse");
        assertSingleFinding(doc, "/remotes/1/url", SecretKind.URL_PASSWORD, password);
    }

    @Test
    void doesNotScanPlaceholderDescriptionOrChoices() {
        FakeSecrets fake = new FakeSecrets(7);
        String secret = fake.githubToken("ghp_");
        ObjectNode doc = load("secret-env-vars.json");
        ObjectNode env = (ObjectNode) doc.at("/packages/0/environmentVariables/0");
        env.put("placeholder", secret).put("description", "for example " + secret);
        env.set("choices", json5("['" + secret + "']"));
        assertEquals(List.of(), scanner.scan(doc));
    }

    @Test
    void placeholderFixtureIsClean() {
        assertEquals(List.of(), scanner.scan(load("placeholders.json")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{api_key}", "Bearer {smithery_api_key}", "${GITHUB_TOKEN}", "$GITHUB_TOKEN",
            "<YOUR_TOKEN>", "Bearer <your-api-key>", "your-api-key-here", "YOUR_API_KEY_HERE",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "***", "changeme",
            "ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "%API_KEY%", "{{token}}", "sk-your-key-goes-here-1234567890",
            "replace-with-your-key", "REDACTED", "Bearer ...", "AKIAXXXXXXXXXXXXXXXX", "ghp_1234567890abcdefghij1234567890abcdef",
            "Bearer eyJhbGciOiJIUzI1NiJ9..."})
    void placeholdersPass(String placeholder) {
        ObjectNode doc = load("header-without-is-secret.json");
        ((ObjectNode) doc.at("/remotes/0/headers/0")).put("isSecret", true).put("value", placeholder);
        assertEquals(List.of(), scanner.scan(doc), placeholder);
    }

    @Test
    void aRealLookingExampleInsideAPlaceholderPasses() {
        FakeSecrets fake = new FakeSecrets(11);
        ObjectNode doc = load("header-without-is-secret.json");
        ObjectNode header = (ObjectNode) doc.at("/remotes/0/headers/0");
        header.put("value", "<e.g. " + fake.githubToken("ghp_") + ">");
        assertEquals(List.of(), scanner.scan(doc));
        header.put("value", "Bearer {" + fake.alnum(40) + "}");
        assertEquals(List.of(), scanner.scan(doc));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.example.com/v1/projects/0123456789abcdef0123456789abcdef",
            "/var/lib/example-mcp/cache/aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW",
            "C:\\Users\\Example\\AppData\\Local\\aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1",
            "3f2b8c1e-9d4a-4e7b-8a6c-2d1f0e9b7c5a", "issues,pull_requests,repositories,code_security",
            "ghcr.io/example/weather-mcp-server:0.7.0", "ghcr.io/example/weather@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "io.github.ExampleUser/Weather2025MCP", "realtimex-browser-use[cli]@0.7.10.dev5",
            "type=bind,src={source_path},dst=/mount/,ro", "EXAMPLE_MCP_SERVER_PROMETHEUS_URL",
            "ThisIsAVeryLongCamelCaseIdentifierName", "0.1.0-rc.1+exp.sha.5114f85"})
    void benignValuesPassInOrdinaryFields(String value) {
        ObjectNode doc = load("valid-server.json");
        ((ObjectNode) doc.at("/packages/0/environmentVariables/0")).put("default", value);
        assertEquals(List.of(), scanner.scan(doc), value);
    }

    @Test
    void aCommitHashIsNotASecretInAnOrdinaryFieldButIsInASecretOne() {
        FakeSecrets fake = new FakeSecrets(8);
        String hash = fake.hex(40);
        ObjectNode doc = load("valid-server.json");
        ObjectNode env = (ObjectNode) doc.at("/packages/0/environmentVariables/0");
        env.put("default", hash);
        assertEquals(List.of(), scanner.scan(doc));
        env.put("isSecret", true);
        assertSingleFinding(doc, "/packages/0/environmentVariables/0/default", SecretKind.HIGH_ENTROPY, hash);
    }

    @Test
    void realLookingFixturesAreClean() {
        for (String fixture : List.of("valid-server.json", "smithery-bearer.json", "header-without-is-secret.json",
                "bare-remote.json", "same-url-with-and-without-header.json", "oauth-declared.json",
                "secret-env-vars.json")) {
            assertEquals(List.of(), scanner.scan(load(fixture)), fixture);
        }
    }

    @Test
    void randomTokensAreFoundReliably() {
        FakeSecrets fake = new FakeSecrets(99);
        int anyField = 0;
        int secretField = 0;
        for (int i = 0; i < 500; i++) {
            anyField += SecretDetector.detect(fake.alnum(32), false).isPresent() ? 1 : 0;
            secretField += SecretDetector.detect(fake.alnum(20), true).isPresent() ? 1 : 0;
        }
        assertTrue(anyField >= 490, "32 random characters in any field: " + anyField + "/500");
        assertTrue(secretField >= 485, "20 random characters in a secret field: " + secretField + "/500");
    }

    @Test
    void shortOrWordLikeTokensAreNotHighEntropy() {
        FakeSecrets fake = new FakeSecrets(7);
        assertTrue(SecretDetector.detect(fake.alnum(31), false).isEmpty());
        assertTrue(SecretDetector.detect(fake.alnum(19), true).isEmpty());
        assertTrue(SecretDetector.detect("jenniferjiang0511-mit-ai-studio-hw3-extra-long", true).isEmpty());
    }

    @Test
    void reportsOneFindingPerField() {
        FakeSecrets fake = new FakeSecrets(9);
        ObjectNode doc = load("secret-env-vars.json");
        ((ObjectNode) doc.at("/packages/0/environmentVariables/1")).put("default",
                fake.githubToken("ghp_") + " " + fake.awsKeyId("AKIA"));
        assertEquals(1, scanner.scan(doc).size());
    }

    private Violation assertSingleFinding(ObjectNode doc, String path, SecretKind kind, String secret) {
        List<Violation> found = scanner.scan(doc);
        assertEquals(1, found.size(), () -> kind + ": " + found);
        Violation violation = found.get(0);
        assertEquals(SecretScanner.RULE_ID, violation.ruleId());
        assertEquals(path, violation.path());
        assertTrue(violation.message().contains("looks like " + kind.description()), violation.message());
        assertNoPartOf(secret, violation);
        return violation;
    }

    /** Neither the secret nor any 6-character piece of it appears in the path or message. */
    private static void assertNoPartOf(String secret, Violation violation) {
        Function<String, Boolean> leaks = text -> {
            for (int i = 0; i + 6 <= secret.length(); i++) {
                String piece = secret.substring(i, i + 6);
                if (!piece.isBlank() && !piece.contains("-----") && text.contains(piece)) {
                    return true;
                }
            }
            return false;
        };
        assertFalse(leaks.apply(violation.message()), violation.message());
        assertFalse(leaks.apply(violation.path()), violation.path());
    }
}
