package io.mcpgov.registry.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without a browser: signs in through the authorization code flow and keeps the console's cookies. */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;
    /** The Set-Cookie headers of the sign-in's last step (the session cookie). */
    java.util.List<String> signInCookies = java.util.List.of();

    private ConsoleSession(URI base) {
        this.base = base;
    }

    /** A session that has not signed in. */
    static ConsoleSession anonymous(URI base) {
        return new ConsoleSession(base);
    }

    /** Signs in as {@code user}: a demo user of {@link ConsoleIssuer}, or any name with the given groups. */
    static ConsoleSession signIn(URI base, String user, String... groups) {
        ConsoleSession session = new ConsoleSession(base);
        HttpResponse<String> start = session.get("/console/queue");
        if (start.statusCode() != 302) {
            throw new IllegalStateException("expected a redirect to the issuer, got " + start.statusCode());
        }
        String authorize = location(start) + "&login=" + encode(user)
                + (groups.length == 0 ? "" : "&groups=" + encode(String.join(",", groups)));
        HttpResponse<String> back = session.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build());
        HttpResponse<String> callback = session.send(HttpRequest.newBuilder(URI.create(location(back))).GET().build());
        if (callback.statusCode() != 302 || session.cookie("q_session_console") == null) {
            throw new IllegalStateException("sign-in failed: " + callback.statusCode() + " " + callback.body());
        }
        session.signInCookies = callback.headers().allValues("Set-Cookie");
        return session;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().build());
    }

    HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, form, "application/x-www-form-urlencoded");
    }

    HttpResponse<String> post(String path, Map<String, String> form, String contentType) {
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** The CSRF token of the forms on a page the session loads. */
    String csrf(String path) {
        HttpResponse<String> page = get(path);
        Matcher m = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no form token on " + path + " (" + page.statusCode() + ")");
        }
        return m.group(1);
    }

    HttpCookie cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst()
                .orElse(null);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException("no Location in a " + response.statusCode() + " response"));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
