package io.mcpgov.registry.server;

import static org.hamcrest.Matchers.equalTo;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.Docs;
import io.mcpgov.registry.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class SmokeTest {

    @Test
    void publishThenRead() {
        String ns = Api.freshNamespace("team-smoke");
        String pub = Api.publisher("pat", "team-smoke");
        String name = ns + "/weather";
        Api.as(pub).body(Docs.publicRemote(name, "1.0.0")).post("/v0.1/publish").then().log().ifValidationFails().statusCode(200);
        Api.as(Api.AGENT).get("/v0.1/servers/" + Api.encode(name) + "/versions/latest").then().log().all()
                .statusCode(200).body("server.version", equalTo("1.0.0"));
    }
}
