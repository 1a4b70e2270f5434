package io.mcpgov.registry.classification.scan;

import static io.mcpgov.registry.testing.Fixtures.json5;
import static io.mcpgov.registry.testing.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.testing.FakeSecrets;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The scan covers every string and member name of a document, points at each finding and never repeats a value. */
class SecretScannerTest {

    private static final String PUBLISHER = "/_meta/io.modelcontextprotocol.registry~1publisher-provided";
    private static final FakeSecrets FAKE = new FakeSecrets(4242);

    private final SecretScanner scanner = new SecretScanner();

    /** A place, the pointer the finding names, and how the secret is written there. */
    static Stream<Arguments> places() {
        return Stream.of(
                place("remote URL path", "/remotes/0/url", FAKE.awsKeyId("AKIA"), SecretKind.AWS_ACCESS_KEY_ID,
                        (d, s) -> first(arr(d, "remotes")).put("url", "https://mcp.weather.example.com/" + s + "/mcp")),
                place("remote URL query", "/remotes/0/url", FAKE.alnum(40), SecretKind.HIGH_ENTROPY,
                        (d, s) -> first(arr(d, "remotes")).put("url", "https://mcp.weather.example.com/mcp?key=" + s)),
                place("websiteUrl query", "/websiteUrl", FAKE.githubToken("ghp_"), SecretKind.GITHUB_TOKEN,
                        (d, s) -> d.put("websiteUrl", "https://weather.example.com/docs?access_token=" + s)),
                place("repository.url user-info", "/repository/url", FAKE.githubToken("ghp_"), SecretKind.GITHUB_TOKEN,
                        (d, s) -> obj(d, "repository").put("url", "https://x-access-token:" + s + "@github.com/example/weather-mcp")),
                place("repository.url password", "/repository/url", FAKE.password(), SecretKind.URL_PASSWORD,
                        (d, s) -> obj(d, "repository").put("url", "https://bot:" + s + "@github.com/example/weather-mcp")),
                place("icon URL", "/icons/0/src", FAKE.googleKey(), SecretKind.GOOGLE_API_KEY,
                        (d, s) -> first(arr(d, "icons")).put("src", "https://maps.example.com/icon.png?key=" + s)),
                place("description", "/description", FAKE.openAiKey(), SecretKind.OPENAI_KEY,
                        (d, s) -> d.put("description", "Forecasts. Demo key: " + s)),
                place("title", "/title", FAKE.anthropicKey(), SecretKind.ANTHROPIC_KEY,
                        (d, s) -> d.put("title", "Weather " + s)),
                place("environment variable default named for a password", "/packages/0/environmentVariables/0/default",
                        FAKE.password(), SecretKind.CREDENTIAL_VALUE,
                        (d, s) -> env(d).put("name", "DB_PASSWORD").put("default", s)),
                place("environment variable value declared secret", "/packages/0/environmentVariables/0/value",
                        FAKE.alnum(22), SecretKind.HIGH_ENTROPY,
                        (d, s) -> env(d).put("isSecret", true).put("value", s).remove("default")),
                place("environment variable description", "/packages/0/environmentVariables/0/description",
                        FAKE.slackToken("xoxb-"), SecretKind.SLACK_TOKEN,
                        (d, s) -> env(d).put("description", "for example " + s)),
                place("environment variable placeholder", "/packages/0/environmentVariables/0/placeholder",
                        FAKE.gitlabToken(), SecretKind.GITLAB_TOKEN, (d, s) -> env(d).put("placeholder", s)),
                place("environment variable choice", "/packages/0/environmentVariables/0/choices/1", FAKE.npmToken(),
                        SecretKind.NPM_TOKEN, (d, s) -> env(d).putArray("choices").add("info").add(s)),
                place("argument value", "/packages/0/packageArguments/0/value", FAKE.stripeKey("sk_live_"),
                        SecretKind.STRIPE_KEY, (d, s) -> argument(d).put("value", "--key=" + s)),
                place("argument default named for a token", "/packages/0/packageArguments/0/default", FAKE.password(),
                        SecretKind.CREDENTIAL_VALUE, (d, s) -> argument(d).put("name", "--api-token").put("default", s)),
                place("argument variable", "/packages/0/packageArguments/0/variables/token/default", FAKE.password(),
                        SecretKind.CREDENTIAL_VALUE, (d, s) -> argument(d).put("value", "--token={token}")
                                .set("variables", json5("{'token':{'default':'" + s + "'}}"))),
                place("remote header value", "/remotes/0/headers/0/value", FAKE.alnum(24), SecretKind.HIGH_ENTROPY,
                        (d, s) -> first(arr(d, "remotes")).set("headers",
                                json5("[{'name':'Authorization','value':'Bearer " + s + "'}]"))),
                place("remote header default", "/remotes/0/headers/0/default", FAKE.password(), SecretKind.CREDENTIAL_VALUE,
                        (d, s) -> first(arr(d, "remotes")).set("headers",
                                json5("[{'name':'X-Api-Key','default':'" + s + "'}]"))),
                place("variable of a secret header", "/remotes/0/headers/0/variables/t/default", FAKE.password(),
                        SecretKind.CREDENTIAL_VALUE, (d, s) -> first(arr(d, "remotes")).set("headers",
                                json5("[{'name':'Authorization','value':'Bearer {t}','variables':{'t':{'default':'" + s + "'}}}]"))),
                place("remote URL variable", "/remotes/0/variables/tenant/default", FAKE.jwt(), SecretKind.JWT,
                        (d, s) -> first(arr(d, "remotes")).set("variables",
                                json5("{'tenant':{'default':'" + s + "'}}"))),
                place("transport header", "/packages/0/transport/headers/0/value", FAKE.githubFineGrained(),
                        SecretKind.GITHUB_FINE_GRAINED_TOKEN, (d, s) -> first(arr(d, "packages"))
                                .set("transport", json5("{'type':'streamable-http','url':'http://localhost:3000/mcp',"
                                        + "'headers':[{'name':'X-Token','value':'" + s + "'}]}"))),
                place("transport URL", "/packages/0/transport/url", FAKE.password(), SecretKind.CREDENTIAL_VALUE,
                        (d, s) -> first(arr(d, "packages")).set("transport",
                                json5("{'type':'streamable-http','url':'http://localhost:3000/mcp?password=" + s + "'}"))),
                place("publisher-provided apiKey", PUBLISHER + "/apiKey", FAKE.password(), SecretKind.CREDENTIAL_VALUE,
                        (d, s) -> publisherProvided(d).put("apiKey", s)),
                place("publisher-provided nested credential", PUBLISHER + "/deploy/credentials/password",
                        FAKE.password(), SecretKind.CREDENTIAL_VALUE,
                        (d, s) -> publisherProvided(d).set("deploy", json5("{'credentials':{'user':'svc','password':'" + s + "'}}"))),
                place("publisher-provided any member", PUBLISHER + "/notes/0", FAKE.pemPrivateKey(), SecretKind.PRIVATE_KEY,
                        (d, s) -> publisherProvided(d).putArray("notes").add(s)),
                place("tool schema default", PUBLISHER + "/tools/0/inputSchema/properties/apiKey/default",
                        FAKE.openAiKey(), SecretKind.OPENAI_KEY, (d, s) -> tool(d).put("default", s)),
                place("tool schema default named for a credential",
                        PUBLISHER + "/tools/0/inputSchema/properties/apiKey/default", FAKE.password(),
                        SecretKind.CREDENTIAL_VALUE, (d, s) -> tool(d).put("default", s)),
                place("tool schema examples", PUBLISHER + "/tools/0/inputSchema/properties/apiKey/examples/0",
                        FAKE.alnum(20), SecretKind.HIGH_ENTROPY, (d, s) -> tool(d).putArray("examples").add(s)),
                place("tool schema enum", PUBLISHER + "/tools/0/inputSchema/properties/apiKey/enum/0",
                        FAKE.alnum(22), SecretKind.HIGH_ENTROPY, (d, s) -> tool(d).putArray("enum").add(s)),
                place("registry's own _meta", "/_meta/io.mcpgov.registry~1governance/tools/0/description",
                        FAKE.awsKeyId("ASIA"), SecretKind.AWS_ACCESS_KEY_ID, (d, s) -> obj(obj(d, "_meta"),
                                "io.mcpgov.registry/governance").putArray("tools").addObject()
                                .put("name", "forecast").put("description", "signs with " + s)),
                place("member name", PUBLISHER, FAKE.githubToken("ghp_"), SecretKind.GITHUB_TOKEN,
                        (d, s) -> publisherProvided(d).put(s, true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("places")
    void everyPlaceIsScanned(String place, String pointer, String secret, SecretKind kind,
            BiConsumer<ObjectNode, String> write) {
        ObjectNode doc = load("valid-server.json");
        write.accept(doc, secret);
        List<Violation> found = scanner.scan(doc);
        assertEquals(1, found.size(), () -> place + ": " + found);
        Violation violation = found.get(0);
        assertEquals(SecretScanner.RULE_ID, violation.ruleId());
        assertEquals(pointer, violation.path(), place);
        assertTrue(violation.message().contains(kind.id()), violation.message());
        assertNoPartOf(secret, violation);
    }

    @Test
    void placeholderFixtureIsClean() {
        assertEquals(List.of(), scanner.scan(load("placeholders.json")));
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
    void namesThatMerelyContainACredentialWordAreOrdinaryFields() {
        ObjectNode doc = load("valid-server.json");
        ObjectNode properties = tool(doc).removeAll();
        properties.put("type", "string");
        ObjectNode schema = obj(obj(first(arr(publisherProvided(doc), "tools")), "inputSchema"), "properties");
        schema.set("max_tokens", json5("{'type':'integer','default':'4096','description':'Upper bound of tokens'}"));
        schema.set("tokenizer", json5("{'type':'string','default':'cl100k_base','enum':['cl100k_base','o200k_base']}"));
        schema.set("keyword", json5("{'type':'string','examples':['weather2025','rain-forecast']}"));
        schema.set("next_page_token", json5("{'type':'string','examples':['c2FtcGxlLWN1cnNvcg']}"));
        env(doc).put("name", "MCP_AUTH_MODE").put("default", "bearer-jwt");
        assertEquals(List.of(), scanner.scan(doc));
    }

    @Test
    void theChoicesOfACredentialAreNotTakenForCredentials() {
        ObjectNode doc = load("valid-server.json");
        ObjectNode env = env(doc);
        env.remove("default");
        env.put("name", "EMBEDDING_API_KEY").put("isSecret", true).putArray("choices").add("cohere")
                .add("ollama (cloud only)").add("hf_inference");
        assertEquals(List.of(), scanner.scan(doc));
    }

    @Test
    void aCredentialInAMemberNameIsReportedAtItsObjectWithoutRepeatingIt() {
        String secret = FAKE.githubToken("ghp_");
        ObjectNode doc = load("valid-server.json");
        publisherProvided(doc).set(secret, json5("{'nested':'" + FAKE.openAiKey() + "'}"));
        List<Violation> found = scanner.scan(doc);
        assertEquals(1, found.size(), found::toString);
        assertEquals(PUBLISHER, found.get(0).path());
        assertTrue(found.get(0).message().startsWith("a member name"), found.get(0).message());
        assertNoPartOf(secret, found.get(0));
    }

    @Test
    void findingsComeInDocumentOrderOnePerString() {
        ObjectNode doc = load("valid-server.json");
        doc.put("description", FAKE.githubToken("ghp_") + " " + FAKE.awsKeyId("AKIA"));
        doc.put("websiteUrl", "https://weather.example.com/?token=" + FAKE.password());
        publisherProvided(doc).put("secret", FAKE.password());
        assertEquals(List.of("/description", "/websiteUrl", PUBLISHER + "/secret"),
                scanner.scan(doc).stream().map(Violation::path).toList());
    }

    @Test
    void atMostAHundredFindingsAreListedAndOneViolationSaysThereAreMore() {
        ObjectNode doc = load("valid-server.json");
        ArrayNode notes = publisherProvided(doc).putArray("notes");
        for (int i = 0; i < 150; i++) {
            notes.add(FAKE.githubToken("ghp_"));
        }
        List<Violation> found = scanner.scan(doc);
        assertEquals(SecretScanner.MAX_FINDINGS + 1, found.size());
        assertEquals(PUBLISHER + "/notes/99", found.get(SecretScanner.MAX_FINDINGS - 1).path());
        assertEquals("", found.get(SecretScanner.MAX_FINDINGS).path());
        assertTrue(scanner.findings(doc).more());
    }

    @Test
    void longMemberNamesCannotMakeTheRefusalMuchLargerThanTheDocument() {
        ObjectNode doc = load("valid-server.json");
        ArrayNode notes = arr(obj(publisherProvided(doc), "n".repeat(10_000)), "notes");
        for (int i = 0; i < 50; i++) {
            notes.add(FAKE.githubToken("ghp_"));
        }
        SecretScanner.Findings findings = scanner.findings(doc);
        assertTrue(findings.more());
        int characters = findings.found().stream().mapToInt(f -> f.path().length()).sum();
        assertTrue(characters <= SecretScanner.MAX_POINTER_CHARACTERS, () -> characters + " characters of pointers");
        assertEquals(6, findings.found().size());
    }

    @Test
    void pointersEscapeMemberNames() {
        ObjectNode doc = load("valid-server.json");
        obj(publisherProvided(doc), "a/b~c").put("client_secret", FAKE.password());
        assertEquals(PUBLISHER + "/a~1b~0c/client_secret", scanner.scan(doc).get(0).path());
    }

    @Test
    void anyJsonIsScannedWithoutFailing() {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode doc = nodes.objectNode();
        doc.set("remotes", nodes.arrayNode().add(nodes.nullNode()).add(1).add(nodes.objectNode().put("url", 5)));
        doc.set("packages", nodes.objectNode().put("isSecret", "yes"));
        doc.putObject("headers").put("name", 3);
        doc.putArray("variables").add(nodes.arrayNode());
        assertEquals(List.of(), scanner.scan(doc));
    }

    /** 40 characters of base64, the shape of an AWS secret access key, with no AWS or secret name in it. */
    private static final String AWS_SECRET = FAKE.awsSecretKey();

    private List<SecretFinding> found(String json5) {
        return scanner.findings(json5(json5)).found();
    }

    @Test
    void findingsAreEmptyOnlyWhenNothingWasFound() {
        assertTrue(scanner.findings(load("valid-server.json")).isEmpty());
        assertFalse(scanner.findings(json5("{'_meta':{'apiKey':'" + FAKE.password() + "'}}")).isEmpty());
    }

    @Test
    void anInputNamedForAnAwsSecretGivesItsNameToItsValue() {
        assertEquals(List.of(new SecretFinding("/packages/0/environmentVariables/0/value", SecretKind.AWS_SECRET_ACCESS_KEY, "")),
                found("{'packages':[{'environmentVariables':[{'name':'AWS_SECRET_ACCESS_KEY','value':'" + AWS_SECRET + "'}]}]}"));
    }

    @Test
    void aVariableNamedForAnAwsSecretGivesItsNameToItsValue() {
        assertEquals(List.of(new SecretFinding("/remotes/0/variables/aws_secret_key/value", SecretKind.AWS_SECRET_ACCESS_KEY, "")),
                found("{'remotes':[{'url':'https://mcp.example.com/{aws_secret_key}',"
                        + "'variables':{'aws_secret_key':{'value':'" + AWS_SECRET + "'}}}]}"));
    }

    @Test
    void aMemberNamedForAnAwsSecretGivesItsNameToItsValue() {
        assertEquals(List.of(new SecretFinding("/_meta/aws_secret_key", SecretKind.AWS_SECRET_ACCESS_KEY, "")),
                found("{'_meta':{'aws_secret_key':'" + AWS_SECRET + "'}}"));
        assertEquals(List.of(new SecretFinding("/_meta/note", SecretKind.HIGH_ENTROPY, "")),
                found("{'_meta':{'note':'" + AWS_SECRET + "'}}"), "a name that says nothing");
    }

    @Test
    void aHeaderIsACredentialWhenItsNameIsAHeaderOrACredentialName() {
        String value = "k7Qz9mWp";
        assertEquals(List.of(new SecretFinding("/remotes/0/headers/0/value", SecretKind.CREDENTIAL_VALUE, "")),
                found("{'remotes':[{'headers':[{'name':'X-Auth-User','value':'" + value + "'}]}]}"), "a header name");
        assertEquals(List.of(new SecretFinding("/remotes/0/headers/0/value", SecretKind.CREDENTIAL_VALUE, "")),
                found("{'remotes':[{'headers':[{'name':'Cookie','value':'session=" + value + "'}]}]}"), "a credential name");
        assertEquals(List.of(), found("{'remotes':[{'headers':[{'name':'Accept','value':'application/json'}]}]}"));
        assertEquals(List.of(), found("{'remotes':[{'headers':[{'name':'X-Request-Source','value':'" + value + "'}]}]}"));
        assertEquals(List.of(), found("{'remotes':[{'headers':{'name':'X-Auth-User','value':'" + value + "'}}]}"),
                "headers that are no list");
        assertEquals(List.of(), found("{'remotes':[{'extras':[{'name':'X-Auth-User','value':'" + value + "'}]}]}"),
                "a list that is not the headers");
    }

    @ParameterizedTest
    @ValueSource(strings = {"environmentVariables", "runtimeArguments", "packageArguments"})
    void anInputOfAListOfInputsIsACredentialWhenItsNameIsACredentialVariable(String list) {
        String value = "k7Qz9mWp";
        assertEquals(List.of(new SecretFinding("/packages/0/" + list + "/0/value", SecretKind.CREDENTIAL_VALUE, "")),
                found("{'packages':[{'" + list + "':[{'name':'OPENAI_KEY','value':'" + value + "'}]}]}"));
        assertEquals(List.of(), found("{'packages':[{'" + list + "':{'name':'OPENAI_KEY','value':'" + value + "'}}]}"),
                "not a list");
        assertEquals(List.of(), found("{'packages':[{'inputs':[{'name':'OPENAI_KEY','value':'" + value + "'}]}]}"),
                "not a list of inputs");
    }

    private static Arguments place(String place, String pointer, String secret, SecretKind kind,
            BiConsumer<ObjectNode, String> write) {
        return Arguments.of(place, pointer, secret, kind, write);
    }

    private static ObjectNode env(ObjectNode doc) {
        return first(arr(first(arr(doc, "packages")), "environmentVariables"));
    }

    private static ObjectNode argument(ObjectNode doc) {
        return first(arr(first(arr(doc, "packages")), "packageArguments"));
    }

    private static ObjectNode publisherProvided(ObjectNode doc) {
        return obj(obj(doc, "_meta"), "io.modelcontextprotocol.registry/publisher-provided");
    }

    private static ObjectNode tool(ObjectNode doc) {
        ObjectNode tool = first(arr(publisherProvided(doc), "tools"));
        tool.put("name", "forecast");
        return obj(obj(obj(tool, "inputSchema").put("type", "object"), "properties"), "apiKey")
                .put("type", "string");
    }

    /**
     * Neither the secret nor any 6-character piece of its random part (a piece with a digit or a capital: not a
     * format's prefix such as {@code github_pat_}) appears in the path or message.
     */
    static void assertNoPartOf(String secret, Violation violation) {
        for (String text : List.of(violation.message(), violation.path())) {
            for (int i = 0; i + 6 <= secret.length(); i++) {
                String piece = secret.substring(i, i + 6);
                if (piece.chars().anyMatch(c -> Character.isDigit(c) || Character.isUpperCase(c))
                        && !piece.contains("-----") && !piece.contains("\n")) {
                    assertFalse(text.contains(piece), () -> "leaks part of the value: " + text);
                }
            }
        }
    }

    private static ObjectNode obj(ObjectNode parent, String key) {
        return parent.get(key) instanceof ObjectNode o ? o : parent.putObject(key);
    }

    private static ArrayNode arr(ObjectNode parent, String key) {
        return parent.get(key) instanceof ArrayNode a ? a : parent.putArray(key);
    }

    private static ObjectNode first(ArrayNode array) {
        return array.get(0) instanceof ObjectNode o ? o : array.insertObject(0);
    }

    @Test
    void pointersOfExactlyTheMostCharactersAreAllListed() {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        int findings = 16;
        for (int i = 0; i < findings; i++) {
            // "/", a name of 4,086 characters and "/password": 16 pointers of 4,096 characters
            doc.putObject(String.valueOf((char) ('b' + i)).repeat(4086)).put("password", FAKE.password());
        }
        SecretScanner.Findings found = scanner.findings(doc);
        assertEquals(SecretScanner.MAX_POINTER_CHARACTERS, found.found().stream().mapToInt(f -> f.path().length()).sum());
        assertEquals(findings, found.found().size());
        assertFalse(found.more());
    }
}
