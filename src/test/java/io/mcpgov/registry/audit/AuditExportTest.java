package io.mcpgov.registry.audit;

import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The export streams JSON lines from a cursor: chunked, no length known up front, every event once, in order. */
@QuarkusTest
@RegistryTest
class AuditExportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS = 5000;

    @Inject
    AuditChainRepository chain;

    @TestHTTPResource("/")
    URL base;

    private String manyEvents(String action) {
        String actor = "exporter-" + System.nanoTime();
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            records.add(new AuditRecord(0, Times.now(), actor, "cli", "admin", action, "namespace", "org.bulk" + i,
                    null, "{\"owningTeam\":\"team-bulk\",\"i\":" + i + "}", "bulk-" + i, "127.0.0.1"));
        }
        QuarkusTransaction.requiringNew().run(() -> chain.append(records));
        return actor;
    }

    @Test
    void exportsEveryEventAsOneJsonLineInOrderWhileStreaming() throws Exception {
        String actor = manyEvents("namespace.bulk");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + X.substring(1) + "/audit/export?actor=" + actor))
                .header("Authorization", "Bearer " + AUDITOR).GET().build();
        HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();

        long lines = 0;
        long lastId = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode event = JSON.readTree(line);
                assertThat(event.get("id").asLong()).isGreaterThan(lastId);
                lastId = event.get("id").asLong();
                assertThat(event.at("/actor/subject").asText()).isEqualTo(actor);
                assertThat(event.at("/after/i").asLong()).isEqualTo(lines);
                assertThat(event.get("hash").asText()).matches("[0-9a-f]{64}");
                lines++;
            }
        }
        assertThat(lines).isEqualTo(EVENTS);
        assertThat(as(AUDITOR).get(X + "/audit/verify").then().statusCode(200).extract().jsonPath().getBoolean("intact")).isTrue();
    }

    @Test
    void theExportTakesTheQueryFiltersAndRefusesBadOnes() {
        String actor = manyEvents("namespace.filtered");
        String body = as(AUDITOR).queryParam("actor", actor).queryParam("targetId", "org.bulk7").get(X + "/audit/export")
                .then().statusCode(200).extract().asString();
        assertThat(body.split("\n")).hasSize(1).allSatisfy(line -> assertThat(line).contains("\"org.bulk7\""));
        assertThat(body).endsWith("\n");
        assertThat(as(AUDITOR).queryParam("actor", "nobody-" + System.nanoTime()).get(X + "/audit/export").then()
                .statusCode(200).extract().asString()).isEmpty();
        as(AUDITOR).queryParam("from", "last-week").get(X + "/audit/export").then().statusCode(400);
    }
}
