package io.mcpgov.registry.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * A small OpenID provider for the console tests: discovery, keys, an authorization endpoint with a login form, a
 * token endpoint for the authorization code flow, and end-session. Unlike the WireMock issuer of the API tests, it
 * lets each test sign in as any user: a known demo user (the same names and roles as the local run), or any name
 * with the groups the test gives. Tokens carry {@code groups} like those of the API tests, and are signed with a
 * key of its own.
 */
public class ConsoleIssuer implements QuarkusTestResourceLifecycleManager {

    public static final String CLIENT_ID = "registry-console";
    public static final String CLIENT_SECRET = "console-test-secret-that-is-long-enough-0123456789";

    /** The demo users of the local run. */
    static final Map<String, List<String>> USERS = Map.of(
            "ada", List.of("admin"),
            "pat", List.of("publisher", "team-weather"),
            "pia", List.of("publisher", "team-weather"),
            "rey", List.of("reviewer"),
            "ray", List.of("reviewer"),
            "aud", List.of("auditor"),
            "agnes", List.of("agent"));

    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private HttpServer server;
    private RsaJsonWebKey key;
    private String base;

    private record Grant(String user, List<String> groups, String nonce, String clientId) {
    }

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            key = new RsaJsonWebKey((java.security.interfaces.RSAPublicKey) pair.getPublic());
            key.setPrivateKey(pair.getPrivate());
            key.setKeyId("console-test");
            key.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", this::handle);
            server.start();
            base = "http://localhost:" + server.getAddress().getPort();
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "quarkus.oidc.console.auth-server-url", base,
                "quarkus.oidc.console.client-id", CLIENT_ID,
                "quarkus.oidc.console.credentials.secret", CLIENT_SECRET);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> params = query(exchange.getRequestURI().getRawQuery());
            switch (path) {
                case "/.well-known/openid-configuration" -> json(exchange, discovery());
                case "/jwks" -> json(exchange, "{\"keys\":[" + key.toJson() + "]}");
                case "/authorize" -> authorize(exchange, params);
                case "/login" -> {
                    params.putAll(query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                    login(exchange, params);
                }
                case "/token" -> token(exchange, query(new String(readAll(exchange.getRequestBody()), StandardCharsets.UTF_8)));
                case "/logout" -> redirect(exchange, params.getOrDefault("post_logout_redirect_uri", base + "/"));
                default -> send(exchange, 404, "text/plain", "not found");
            }
        }
    }

    private String discovery() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", base);
        doc.put("authorization_endpoint", base + "/authorize");
        doc.put("token_endpoint", base + "/token");
        doc.put("jwks_uri", base + "/jwks");
        doc.put("end_session_endpoint", base + "/logout");
        doc.put("response_types_supported", List.of("code"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("code_challenge_methods_supported", List.of("S256"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        return JsonUtil.toJson(doc);
    }

    /**
     * Shows the login form; with {@code login} (and optionally {@code groups}) in the query, signs in at once: what
     * the HTTP tests use instead of a browser.
     */
    private void authorize(HttpExchange exchange, Map<String, String> params) throws IOException {
        if (params.containsKey("login")) {
            login(exchange, params);
            return;
        }
        StringBuilder hidden = new StringBuilder();
        for (String name : List.of("redirect_uri", "state", "nonce", "client_id")) {
            if (params.get(name) != null) {
                hidden.append("<input type=\"hidden\" name=\"").append(name).append("\" value=\"")
                        .append(escape(params.get(name))).append("\">");
            }
        }
        send(exchange, 200, "text/html; charset=utf-8", """
                <!doctype html><html lang="en"><head><title>Test identity provider</title></head><body>
                <h1>Sign in</h1>
                <form method="post" action="/login">%s
                <label for="login">User</label> <input id="login" name="login" autocomplete="username">
                <label for="groups">Groups (for users who are not demo users)</label> <input id="groups" name="groups">
                <button type="submit" id="sign-in">Sign in</button></form></body></html>"""
                .formatted(hidden));
    }

    private void login(HttpExchange exchange, Map<String, String> params) throws IOException {
        String user = params.getOrDefault("login", "").trim();
        String redirect = params.get("redirect_uri");
        if (user.isEmpty() || redirect == null) {
            send(exchange, 400, "text/plain", "login and redirect_uri are required");
            return;
        }
        List<String> groups = USERS.get(user);
        if (groups == null) {
            String given = params.getOrDefault("groups", "");
            groups = given.isBlank() ? List.of() : Arrays.stream(given.split(",")).map(String::trim).toList();
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        codes.put(code, new Grant(user, groups, params.get("nonce"), params.get("client_id")));
        String state = params.get("state");
        redirect(exchange, redirect + (redirect.contains("?") ? "&" : "?") + "code=" + code
                + (state == null ? "" : "&state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)));
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        Grant grant = "authorization_code".equals(form.get("grant_type")) ? codes.remove(form.getOrDefault("code", "")) : null;
        if (grant == null) {
            send(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
            return;
        }
        try {
            String idToken = sign(grant, CLIENT_ID);
            String accessToken = sign(grant, CLIENT_ID);
            Map<String, Object> body = new HashMap<>();
            body.put("access_token", accessToken);
            body.put("id_token", idToken);
            body.put("token_type", "Bearer");
            body.put("expires_in", 3600);
            json(exchange, JsonUtil.toJson(body));
        } catch (JoseException e) {
            send(exchange, 500, "text/plain", e.getMessage());
        }
    }

    private String sign(Grant grant, String audience) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(base);
        claims.setAudience(audience);
        claims.setSubject(grant.user());
        claims.setClaim("preferred_username", grant.user());
        claims.setClaim("azp", CLIENT_ID);
        claims.setStringListClaim("groups", grant.groups());
        if (grant.nonce() != null) {
            claims.setClaim("nonce", grant.nonce());
        }
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(name, value);
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        send(exchange, 200, "application/json", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
