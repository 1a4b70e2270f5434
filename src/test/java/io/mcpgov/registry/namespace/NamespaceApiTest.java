package io.mcpgov.registry.namespace;

import static io.mcpgov.registry.support.Api.ADMIN;
import static io.mcpgov.registry.support.Api.AUDITOR;
import static io.mcpgov.registry.support.Api.X;
import static io.mcpgov.registry.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.mcpgov.registry.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.mcpgov.registry.support.RegistryTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@RegistryTest
class NamespaceApiTest {

    @Test
    void adminsMapReplaceAndRemoveNamespacesAndEveryChangeIsAudited() {
        String ns = "io.github.team" + System.nanoTime();
        as(ADMIN).body(Map.of("owningTeam", "team-a")).put(X + "/namespaces/" + ns).then().statusCode(200)
                .body("namespace", equalTo(ns)).body("includeSubnamespaces", equalTo(false));
        as(ADMIN).body(Map.of("owningTeam", "team-b", "includeSubnamespaces", true)).put(X + "/namespaces/" + ns.toUpperCase())
                .then().statusCode(200).body("namespace", equalTo(ns)).body("owningTeam", equalTo("team-b"));
        as(Api.publisher("pat", "team-a")).get(X + "/namespaces").then().statusCode(200)
                .body("namespace", hasItem(ns));
        as(ADMIN).delete(X + "/namespaces/" + ns).then().statusCode(204);
        as(ADMIN).delete(X + "/namespaces/" + ns).then().statusCode(404);

        as(AUDITOR).queryParam("targetType", "namespace").queryParam("targetId", ns).get(X + "/audit").then()
                .body("events.action", equalTo(java.util.List.of("namespace.created", "namespace.updated", "namespace.deleted")))
                .body("events[1].before.owningTeam", equalTo("team-a"))
                .body("events[1].after.owningTeam", equalTo("team-b"));
    }

    @Test
    void concurrentFirstMappingsOfOneNamespaceAllSucceedAndCreateItOnce() throws Exception {
        String ns = "io.github.race" + System.nanoTime();
        List<Callable<Integer>> puts = IntStream.range(0, 8).<Callable<Integer>>mapToObj(i -> () ->
                as(ADMIN).body(Map.of("owningTeam", "team-a")).put(X + "/namespaces/" + ns).then().extract().statusCode())
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (Future<Integer> status : pool.invokeAll(puts)) {
                org.assertj.core.api.Assertions.assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        as(AUDITOR).queryParam("targetType", "namespace").queryParam("targetId", ns).queryParam("action", "namespace.created")
                .get(X + "/audit").then().statusCode(200).body("events.size()", equalTo(1));
    }

    @Test
    void invalidNamespacesAndBodiesAreRefused() {
        as(ADMIN).body(Map.of("owningTeam", "t")).put(X + "/namespaces/-bad-").then().statusCode(400)
                .body("errors[0].ruleId", equalTo("namespace-format"));
        as(ADMIN).body(Map.of("owningTeam", "t")).put(X + "/namespaces/a..b").then().statusCode(400);
        as(ADMIN).body("{}").put(X + "/namespaces/com.valid").then().statusCode(400)
                .body("errors[0].path", equalTo("/owningTeam"));
        as(ADMIN).body("").put(X + "/namespaces/com.valid").then().statusCode(400);
        as(ADMIN).body("[").put(X + "/namespaces/com.valid").then().statusCode(400);
    }

    @Test
    void aMoreSpecificMappingWinsOverTheCatchAll() {
        String ns = "net.catchall" + System.nanoTime();
        as(ADMIN).body(Map.of("owningTeam", "team-specific")).put(X + "/namespaces/" + ns).then().statusCode(200);
        as(ADMIN).body(Map.of("owningTeam", "team-everything")).put(X + "/namespaces/*").then().statusCode(200)
                .body("namespace", equalTo("*"));
        try {
            String doc = io.mcpgov.registry.support.Docs.publicRemote("org.unclaimed" + System.nanoTime() + "/svc", "1.0.0");
            Api.publishOk(Api.publisher("eve", "team-everything"), doc);
            as(Api.publisher("eve", "team-everything"))
                    .body(io.mcpgov.registry.support.Docs.publicRemote(ns + "/svc", "1.0.0"))
                    .post("/v0.1/publish").then().statusCode(403);
        } finally {
            as(ADMIN).delete(X + "/namespaces/*").then().statusCode(204);
        }
    }
}
