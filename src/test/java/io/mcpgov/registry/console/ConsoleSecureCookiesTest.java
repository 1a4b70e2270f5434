package io.mcpgov.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.ProductionSettings;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * With the production default ({@code registry.console.secure-cookies} true), every cookie the console sets is
 * {@code Secure}, even on a request that came over plain http (as behind a proxy that ends TLS): the sign-in state,
 * the session and the CSRF cookie. A browser would not send them back over http, so the cookies are carried by hand.
 */
@QuarkusTest
@RegistryTest
@QuarkusTestResource(ConsoleIssuer.class)
@TestProfile(ProductionSettings.class)
class ConsoleSecureCookiesTest {

    @TestHTTPResource("/")
    URI base;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(URI uri, List<String> setCookies) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        String cookies = setCookies.stream().map(c -> c.substring(0, c.indexOf(';'))).collect(Collectors.joining("; "));
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> setCookies(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie");
    }

    private static void assertAllSecure(List<String> cookies, String prefix) {
        assertThat(cookies).as(prefix + " cookies set").anySatisfy(c -> assertThat(c).startsWith(prefix));
        assertThat(cookies).allSatisfy(c -> assertThat(c.toLowerCase().split(";\\s*")).as(c).contains("secure")
                .contains("httponly"));
    }

    @Test
    void everyConsoleCookieIsSecureOverPlainHttp() {
        HttpResponse<String> start = get(base.resolve("/console/queue"), List.of());
        assertThat(start.statusCode()).isEqualTo(302);
        List<String> state = setCookies(start);
        assertAllSecure(state, "q_auth_console");

        String authorize = ConsoleSession.location(start) + "&login=rey";
        HttpResponse<String> issuer = get(URI.create(authorize), List.of());
        HttpResponse<String> callback = get(URI.create(ConsoleSession.location(issuer)), state);
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
        List<String> session = setCookies(callback).stream().filter(c -> c.startsWith("q_session_console")).toList();
        assertAllSecure(session, "q_session_console");

        HttpResponse<String> page = get(base.resolve("/console/queue"), session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertAllSecure(setCookies(page), ConsoleCsrf.COOKIE + "=");
    }
}
