package io.mcpgov.registry.tool;

import static io.mcpgov.registry.support.Api.AGENT;
import static io.mcpgov.registry.support.Api.as;
import static io.mcpgov.registry.tool.ToolDocs.GET;
import static io.mcpgov.registry.tool.ToolDocs.GOV;
import static io.mcpgov.registry.tool.ToolDocs.SET;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.mcpgov.registry.support.Api;
import io.mcpgov.registry.support.RegistryTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry.tools settings, each flipped from its default in one profile. */
@QuarkusTest
@RegistryTest
@TestProfile(ToolSettingsTest.Changed.class)
class ToolSettingsTest {

    public static class Changed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "registry.tools.omnibus-scopes", "write",
                    "registry.tools.max-tools-per-version", "2",
                    "registry.tools.max-plan-items", "1");
        }
    }

    private static final String PUBLISHER = Api.publisher("pat", "team-tool-settings");

    @Test
    void theOmnibusListIsConfigurable() {
        String name = Api.freshNamespace("team-tool-settings") + "/weather";
        String admin = "{\"name\":\"admin\",\"annotations\":{\"destructiveHint\":false},\"scopes\":[\"w.admin\"]}";
        as(PUBLISHER).body(ToolDocs.oauth(name, "1.0.0", SET, admin)).post("/v0.1/publish").then().log().ifValidationFails().statusCode(200)
                .body(GOV + ".tools[0].findings.ruleId", equalTo(List.of("tool-scope-omnibus")))
                .body(GOV + ".tools[1].findings", nullValue());
    }

    @Test
    void theToolCountIsLimited() {
        String name = Api.freshNamespace("team-tool-settings") + "/many";
        String list = "{\"name\":\"list\",\"annotations\":{\"readOnlyHint\":true},\"scopes\":[\"w.read\"]}";
        as(PUBLISHER).body(ToolDocs.oauth(name, "1.0.0", GET, list, SET)).post("/v0.1/publish").then().statusCode(422)
                .body("errors.ruleId", equalTo(List.of("tool-count-exceeded")));
    }

    @Test
    void planRequestsAreLimited() {
        String name = Api.freshNamespace("team-tool-settings") + "/plan";
        Api.publishOk(PUBLISHER, ToolDocs.oauth(name, "1.0.0", GET));
        as(AGENT).body(Map.of("tools", List.of("a", "b"))).post(Api.X + "/servers/" + Api.encode(name)
                + "/versions/latest/scope-plan").then().statusCode(400)
                .body("errors[0].ruleId", equalTo("too-many-items"));
    }
}
