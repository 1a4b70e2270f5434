package io.mcpgov.registry.input;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.encode;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.common.Problem;
import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.RegistryTest;
import io.mcpgov.registry.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of real documents and parameters, sent to every operation that reads a body and to the discovery
 * reads, as an admin, a publisher and anonymously. Every answer is a 2xx or a 4xx (a problem document), never a 5xx
 * or no answer, and the registry serves normally afterwards. The build runs this class alone in a JVM with a 256 MB
 * heap that exits on OutOfMemoryError (surefire execution {@code hostile-input}), so work not bounded by the input
 * limits ends the build.
 */
@QuarkusTest
@RegistryTest
class HostileInputFuzzTest {

    /** Fixed: a failure names its attempt, and the same seed replays it. */
    private static final long SEED = 20_260_131L;
    private static final int BODY_ATTEMPTS = 500;
    private static final int READ_ATTEMPTS = 400;
    /** Below quarkus.http.limits.max-body-size: larger bodies are refused before they are read (HostileBodiesTest). */
    private static final int MAX_SENT_BYTES = 4_000_000;
    /**
     * Below quarkus.http.limits.max-initial-line-length (4096): the HTTP layer refuses longer request lines (414)
     * before the registry sees them.
     */
    private static final int MAX_URL_LENGTH = 4_000;
    private static final List<String> FIXTURES = List.of("valid-server.json", "smithery-bearer.json",
            "oauth-declared.json", "secret-env-vars.json", "placeholders.json", "bare-remote.json",
            "header-without-is-secret.json", "same-url-with-and-without-header.json");

    private final Random random = new Random(SEED);
    private final HostileJson json = new HostileJson(random);
    private final HostileParameters parameters = new HostileParameters(random);
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();

    private String team;
    private String namespace;
    private String publisher;
    private String server;
    private String exceptionId;

    private record Caller(String label, String token) {
    }

    private record Target(String method, String path, Supplier<JsonNode> body, boolean documentBody) {
    }

    /** What came back. */
    private record Answer(int status, String contentType, String body) {
    }

    @TestHTTPResource("/")
    URI base;

    /** Sends bytes as they are, with any content type or none, which RestAssured would encode or refuse. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyHostileRequestIsAnsweredWithAClientErrorOrSuccessAndTheRegistryStaysUp() {
        setUp();
        List<Caller> callers = List.of(new Caller("admin", ADMIN), new Caller("publisher", publisher),
                new Caller("anonymous", null));
        List<Target> targets = targets();
        int attempt = 0;
        for (Target target : targets) {
            for (Caller caller : callers) {
                for (int kind = 0; kind < HostileJson.KINDS; kind++) {
                    byte[] body = json.focused(target.body().get(), kind);
                    check(attempt++, caller, target.method() + " " + target.path() + " (kind " + kind + ", "
                            + body.length + " bytes)", send(caller, target.method(), target.path(), "application/json", body));
                }
            }
        }
        for (int i = 0; i < BODY_ATTEMPTS; i++, attempt++) {
            Target target = targets.get(random.nextInt(targets.size()));
            Caller caller = callers.get(random.nextInt(callers.size()));
            byte[] body = json.mutate(target.body().get());
            String path = random.nextInt(6) == 0 ? hostilePath(target.path()) : target.path();
            String contentType = contentType();
            if (body.length > MAX_SENT_BYTES) {
                continue;
            }
            check(attempt, caller, target.method() + " " + path + " (" + contentType + ", " + body.length + " bytes)",
                    send(caller, target.method(), path, contentType, body));
        }
        for (int read = 0; read < READ_ATTEMPTS; read++, attempt++) {
            Caller caller = callers.get(random.nextInt(callers.size()));
            String path = read();
            while (path.length() > MAX_URL_LENGTH) {
                path = read();
            }
            check(attempt, caller, "GET " + abbreviate(path), send(caller, "GET", path, null, null));
        }
        System.out.println("Hostile input (seed " + SEED + ", heap " + Runtime.getRuntime().maxMemory() / (1 << 20)
                + " MB): statuses " + statuses);
        assertThat(failures).as("answers to hostile requests (seed " + SEED + ")").isEmpty();
        assertStillServing();
    }

    private void setUp() {
        team = "team-fuzz" + System.nanoTime();
        namespace = Api.freshNamespace(team);
        publisher = Api.publisher("pub-fuzz", team);
        server = namespace + "/weather";
        Api.publishOk(publisher, Docs.apiKeyRemote(server, "1.0.0"));
        exceptionId = Api.as(publisher).body(exceptionRequest()).post(X + "/exceptions").then().statusCode(201)
                .extract().path("id");
    }

    private List<Target> targets() {
        String version = "/v0.1/servers/" + encode(server) + "/versions/1.0.0";
        String tools = X + "/servers/" + encode(server) + "/versions/1.0.0";
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("POST", "/v0.1/publish", this::document, true));
        targets.add(new Target("POST", "/v0/publish", this::document, true));
        targets.add(new Target("POST", "/v0.1/validate", this::document, true));
        targets.add(new Target("POST", X + "/imports", this::importRequest, false));
        targets.add(new Target("POST", X + "/exceptions", () -> Fixtures.json(exceptionRequest()), false));
        targets.add(new Target("POST", X + "/exceptions/" + exceptionId + "/revoke",
                () -> Fixtures.json5("{'reason':'Key leaked'}"), false));
        targets.add(new Target("PUT", X + "/namespaces/" + namespace + ".sub" + random.nextInt(1000),
                () -> Fixtures.json5("{'owningTeam':'" + team + "','includeSubnamespaces':false,'admission':'open'}"),
                false));
        targets.add(new Target("PUT", X + "/ownership/" + encode(server) + "/accountable-owner",
                () -> Fixtures.json5("{'accountableOwner':'pub-fuzz','reason':'Owner again'}"), false));
        targets.add(new Target("PUT", X + "/ownership/" + encode(server) + "/contact",
                () -> Fixtures.json5("{'name':'Weather team','email':'weather@example.com',"
                        + "'url':'https://chat.example.com/weather'}"), false));
        targets.add(new Target("POST", X + "/offboardings",
                () -> Fixtures.json5("{'subject':'leaver-fuzz','reason':'Left the company'}"), false));
        targets.add(new Target("POST", X + "/webhooks",
                () -> Fixtures.json5("{'url':'https://hooks.invalid/fuzz','types':['server.published'],"
                        + "'namespaces':['" + namespace + "']}"), false));
        targets.add(new Target("PATCH", version + "/status",
                () -> Fixtures.json5("{'status':'deprecated','statusMessage':'Use 2.0'}"), false));
        targets.add(new Target("POST", X + "/review-campaigns",
                () -> Fixtures.json5("{'name':'Quarterly','dueAt':'2030-01-31T00:00:00Z','team':'" + team + "'}"),
                false));
        targets.add(new Target("POST", tools + "/scope-plan", () -> Fixtures.json5("{'tools':['get_forecast']}"), false));
        targets.add(new Target("POST", tools + "/tools-for-scopes", () -> Fixtures.json5("{'scopes':['weather.read']}"),
                false));
        return targets;
    }

    /** A real document: a fixture, or a document shaped like a registry entry, half the time in the caller's namespace. */
    private JsonNode document() {
        ObjectNode document = switch (random.nextInt(3)) {
            case 0 -> (ObjectNode) Fixtures.json(Docs.oauthRemote(namespace + "/o" + random.nextInt(1_000_000), "1.0.0"));
            case 1 -> (ObjectNode) Fixtures.json(Docs.publicRemote(namespace + "/p" + random.nextInt(1_000_000), "1.0.0"));
            default -> Fixtures.load(FIXTURES.get(random.nextInt(FIXTURES.size())));
        };
        if (random.nextBoolean()) {
            document.put("name", namespace + "/f" + random.nextInt(1_000_000));
            document.put("version", random.nextInt(100) + "." + random.nextInt(100) + ".0");
        }
        return document;
    }

    private JsonNode importRequest() {
        ObjectNode request = Fixtures.MAPPER.createObjectNode().put("owningTeam", team);
        var items = request.putArray("items");
        for (int i = 0; i < 1 + random.nextInt(4); i++) {
            ObjectNode document = (ObjectNode) document();
            document.put("name", namespace + "/i" + random.nextInt(1_000_000)); // namespaces no other test uses
            items.add(random.nextBoolean() ? document : Fixtures.MAPPER.createObjectNode().set("server", document));
        }
        return request;
    }

    private String exceptionRequest() {
        return """
                {"serverName":"%s","classification":"transitional","justification":"Vendor has no OAuth yet",
                 "expiresAt":"%s","compensatingControls":{"rotationDays":30,"keyStorage":"vault:kv/mcp",
                 "offboardingOwner":"iam-team"}}""".formatted(server, Instant.now().plus(30, ChronoUnit.DAYS));
    }

    /** A discovery read (or another read), with hostile path or query parameters. */
    private String read() {
        String name = parameters.value(encode(server));
        String version = parameters.value("1.0.0");
        return switch (random.nextInt(9)) {
            case 0, 1 -> "/v0.1/servers?" + query("cursor", encode(server) + "%3A1.0.0") + "&" + query("limit", "30")
                    + "&" + query("search", "weather") + "&" + query("version", "latest");
            case 2 -> "/v0.1/servers?" + query("updated_since", "2025-01-01T00%3A00%3A00Z") + "&"
                    + query("include_deleted", "true");
            case 3 -> "/v0.1/servers/" + name + "/versions?" + query("include_deleted", "false");
            case 4 -> "/v0.1/servers/" + name + "/versions/" + version;
            case 5 -> "/v0/servers/" + name + "/versions/" + parameters.value("latest");
            case 6 -> X + "/servers/" + name + "/versions/" + version + "/tools";
            case 7 -> X + "/ownership/" + name;
            default -> X + "/audit?" + query("actor", "pub-fuzz") + "&" + query("targetId", encode(server))
                    + "&" + query("from", "2025-01-01T00%3A00%3A00Z");
        };
    }

    private String query(String name, String plausible) {
        return (random.nextInt(12) == 0 ? parameters.value(name) : name) + "=" + parameters.value(plausible);
    }

    private String hostilePath(String path) {
        String[] segments = path.split("/");
        int last = segments.length - 1;
        segments[last] = parameters.value(segments[last]);
        return String.join("/", segments);
    }

    private String contentType() {
        return switch (random.nextInt(14)) {
            case 0 -> null;
            case 1 -> "text/plain";
            case 2 -> "application/x-www-form-urlencoded";
            case 3 -> "application/json; charset=utf-8";
            case 4 -> "application/json; charset=UTF-16";
            case 5 -> "application/merge-patch+json";
            case 6 -> "multipart/form-data; boundary=x";
            default -> "application/json";
        };
    }

    private Answer send(Caller caller, String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofMinutes(2))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body));
        if (caller.token() != null) {
            request.header("Authorization", "Bearer " + caller.token());
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            return new Answer(-1, null, "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void check(int attempt, Caller caller, String what, Answer answer) {
        int status = answer.status();
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500 || status < 200 || (status >= 300 && status < 400)) {
            failures.add(describe(attempt, caller, what, answer));
        } else if (status >= 400 && !isProblem(answer)) {
            failures.add("not a problem document: " + describe(attempt, caller, what, answer));
        } else if (status == 201 && what.startsWith("POST " + X + "/webhooks")) {
            Api.as(ADMIN).delete(X + "/webhooks/" + Fixtures.json(answer.body()).path("id").asText())
                    .then().statusCode(204);
        }
    }

    private static boolean isProblem(Answer answer) {
        return answer.contentType() != null && answer.contentType().startsWith(Problem.MEDIA_TYPE)
                && Fixtures.json(answer.body()).path("status").asInt() == answer.status();
    }

    private static String describe(int attempt, Caller caller, String what, Answer answer) {
        return "attempt " + attempt + " as " + caller.label() + ": " + what + " -> " + answer.status() + " "
                + abbreviate(answer.body());
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    private void assertStillServing() {
        given().get("/q/health/live").then().statusCode(200);
        String after = Api.freshNamespace(team) + "/after";
        Api.publishOk(Api.publisher("pub-after", team), Docs.oauthRemote(after, "1.0.0"));
        Api.as(Api.AGENT).get("/v0.1/servers/" + encode(after) + "/versions/1.0.0").then().statusCode(200);
        Api.as(Api.AGENT).get("/v0.1/servers?search=weather").then().statusCode(200);
    }
}
