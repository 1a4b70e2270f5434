package io.mcpgov.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Security headers and cookie attributes of the console's responses. */
@QuarkusTest
@RegistryTest
@QuarkusTestResource(ConsoleIssuer.class)
class ConsoleHeadersTest {

    @TestHTTPResource("/")
    URI base;

    private static void assertSecurityHeaders(HttpHeaders headers) {
        String csp = headers.firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'self'").contains("script-src 'self'").contains("style-src 'self'")
                .contains("object-src 'none'").contains("frame-ancestors 'none'").contains("form-action 'self'")
                .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void pagesAssetsRedirectsAndErrorsCarryTheHeaders() {
        ConsoleSession rey = ConsoleSession.signIn(base, "rey");
        HttpResponse<String> page = rey.get("/console/queue");
        assertSecurityHeaders(page.headers());
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertSecurityHeaders(rey.get("/console/assets/console.css").headers());
        assertSecurityHeaders(ConsoleSession.anonymous(base).get("/console/overview").headers());
        assertSecurityHeaders(rey.get("/console/server?name=none%2Fnone").headers());
        assertThat(ConsoleSession.signIn(base, "agnes").get("/console/queue").headers()
                .firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void pagesUseNoInlineScriptOrStyle() {
        ConsoleSession rey = ConsoleSession.signIn(base, "rey");
        for (String path : List.of("/console/queue", "/console/overview", "/console/owners", "/console/servers")) {
            String html = rey.get(path).body();
            assertThat(html).as(path).doesNotContain("<script>").doesNotContain("style=\"").doesNotContain("<style")
                    .doesNotContain(" onclick=").doesNotContain("http://").contains("<a class=\"skip\"");
        }
    }

    @Test
    void cookiesAreHttpOnlyAndSameSite() {
        ConsoleSession anonymous = ConsoleSession.anonymous(base);
        HttpResponse<String> start = anonymous.get("/console/queue");
        List<String> stateCookies = start.headers().allValues("Set-Cookie");
        assertThat(stateCookies).anySatisfy(c -> assertThat(c).startsWith("q_auth_console")
                .containsIgnoringCase("HttpOnly").contains("Path=/console").doesNotContain("Secure"));

        ConsoleSession rey = ConsoleSession.signIn(base, "rey");
        List<String> set = rey.get("/console/queue").headers().allValues("Set-Cookie");
        assertThat(set).anySatisfy(c -> assertThat(c).startsWith(ConsoleCsrf.COOKIE + "=").containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").contains("Path=/console").doesNotContain("Secure"));
        assertThat(rey.signInCookies).anySatisfy(c -> assertThat(c).startsWith("q_session_console=")
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/console")
                .doesNotContain("Secure"));
    }
}
