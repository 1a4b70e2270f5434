package io.mcpgov.registry.imports;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.mcpgov.registry.support.LoopbackListener;
import io.mcpgov.registry.support.ProductionSettings;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With the production settings, an import never reads from an internal address: the source is refused (422,
 * {@code import-source-refused}) before anything is sent, which a source that cannot be reached (502) is not.
 */
@QuarkusTest
@RegistryTest
@TestProfile(ProductionSettings.class)
class ImportSourceRefusedTest {

    private static void assertRefused(String source, String why) {
        as(ADMIN).body(Map.of("source", source, "owningTeam", "team-import")).post(X + "/imports").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors", hasSize(1))
                .body("errors[0].ruleId", equalTo("import-source-refused"))
                .body("errors[0].path", equalTo("/source"))
                .body("detail", containsString(why));
    }

    @Test
    void internalSourcesAreRefusedBeforeAnythingIsSent() {
        try (LoopbackListener listener = new LoopbackListener()) {
            int port = listener.port();
            assertRefused("https://127.0.0.1:" + port, "loopback address");
            assertRefused("https://[::1]:" + port, "loopback address");
            assertRefused("https://localhost:" + port, "host localhost is a loopback name");
            assertRefused("http://127.0.0.1:" + port, "plain http");
            assertRefused("https://10.0.0.1", "private-network address");
            assertRefused("https://169.254.169.254", "cloud metadata address");
            assertRefused("https://[fd00::1]", "unique-local");
            assertRefused("https://[::ffff:10.0.0.1]", "private-network address");
            assertThat(listener.connections()).as("connections made to this machine").isZero();
        }
    }

    @Test
    void aRefusalIsNotAnUnreadableSource() {
        // .invalid never resolves (RFC 2606): a source that cannot be reached is a 502, not a refusal
        as(ADMIN).body(Map.of("source", "https://registry.invalid", "owningTeam", "team-import")).post(X + "/imports")
                .then().statusCode(502).body("errors[0].ruleId", equalTo("import-source-unreadable"));
    }
}
