package io.mcpgov.registry.audit;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RegistryTest
class AuditApiTest {

    @Test
    void eventsCarryWhoWhatWhenAndTheRequest() {
        String ns = "org.audit" + System.nanoTime();
        as(ADMIN).header("X-Request-Id", "req-audit-1").body(Map.of("owningTeam", "team-z"))
                .put(X + "/namespaces/" + ns).then().statusCode(200);
        as(AUDITOR).queryParam("targetId", ns).get(X + "/audit").then().statusCode(200)
                .body("events[0].action", equalTo("namespace.created"))
                .body("events[0].actor.subject", equalTo("ada"))
                .body("events[0].actor.roles", hasItem("admin"))
                .body("events[0].requestId", equalTo("req-audit-1"))
                .body("events[0].sourceAddress", notNullValue())
                .body("events[0].occurredAt", notNullValue())
                .body("events[0].target.type", equalTo("namespace"));
    }

    @Test
    void filtersAndCursorPagination() {
        Instant from = Instant.now();
        String actor = "admin-" + System.nanoTime();
        String token = io.mcpgov.registry.support.Tokens.of(actor, "admin");
        for (int i = 0; i < 5; i++) {
            as(token).body(Map.of("owningTeam", "t")).put(X + "/namespaces/org.page" + System.nanoTime()).then().statusCode(200);
        }
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            var spec = as(AUDITOR).queryParam("actor", actor).queryParam("limit", 2)
                    .queryParam("from", Api.encode(from.toString()));
            if (cursor != null) {
                spec.queryParam("cursor", cursor);
            }
            JsonPath page = spec.get(X + "/audit").then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("events.id", Long.class));
            cursor = page.getString("metadata.nextCursor");
        } while (cursor != null);
        assertThat(ids).hasSize(5).isSorted().doesNotHaveDuplicates();

        as(AUDITOR).queryParam("actor", actor).queryParam("to", Api.encode(from.toString())).get(X + "/audit").then()
                .body("events.size()", equalTo(0));
        as(AUDITOR).queryParam("from", "yesterday").queryParam("limit", "0").get(X + "/audit").then().statusCode(400)
                .body("errors.size()", equalTo(2));
    }
}
