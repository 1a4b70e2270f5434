package io.mcpgov.registry.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Callers and shortcuts for the HTTP tests. */
public final class Api {

    public static final String X = "/v0.1/x/io.mcpgov.registry";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    public static final String ADMIN = Tokens.of("ada", "admin");
    public static final String REVIEWER = Tokens.of("rey", "reviewer");
    public static final String REVIEWER_2 = Tokens.of("ray", "reviewer");
    public static final String AUDITOR = Tokens.of("aud", "auditor");
    public static final String AGENT = Tokens.of("agnes", "agent");
    public static final String NO_ROLE = Tokens.of("nobody", "employees");

    private Api() {
    }

    /** Requests as the token's holder. URLs are sent as written: encode path segments with {@link #encode}. */
    public static RequestSpecification as(String token) {
        return anonymous().auth().oauth2(token);
    }

    public static RequestSpecification anonymous() {
        return given().urlEncodingEnabled(false).contentType(ContentType.JSON);
    }

    /** A namespace no other test uses, mapped by the admin to {@code team}. */
    public static String freshNamespace(String team) {
        String namespace = "com.t" + System.nanoTime() % 1_000_000_000L + "x" + SEQUENCE.incrementAndGet();
        as(ADMIN).body(Map.of("owningTeam", team)).put(X + "/namespaces/" + namespace).then().statusCode(200);
        return namespace;
    }

    public static String publisher(String subject, String team) {
        return Tokens.of(subject, "publisher", team);
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static void publishOk(String token, String document) {
        as(token).body(document).post("/v0.1/publish").then().statusCode(200);
    }
}
