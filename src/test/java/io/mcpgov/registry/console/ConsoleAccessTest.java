package io.mcpgov.registry.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RegistryTest
@QuarkusTestResource(ConsoleIssuer.class)
class ConsoleAccessTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void withoutSessionTheConsoleSendsTheBrowserToTheIssuer() {
        HttpResponse<String> response = ConsoleSession.anonymous(base).get("/console/queue");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(ConsoleSession.location(response)).contains("/authorize").contains("client_id=registry-console")
                .contains("code_challenge_method=S256");
    }

    @Test
    void agentsAreRefused() {
        ConsoleSession agnes = ConsoleSession.signIn(base, "agnes");
        HttpResponse<String> page = agnes.get("/console/queue");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("Agents use the registry").doesNotContain("Exception");
    }

    @Test
    void reviewersSeeTheQueue() {
        ConsoleSession rey = ConsoleSession.signIn(base, "rey");
        HttpResponse<String> page = rey.get("/console/queue");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Review queue").contains("rey");
    }
}
