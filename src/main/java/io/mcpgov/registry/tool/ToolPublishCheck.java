package io.mcpgov.registry.tool;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.classification.AuthProfile;
import io.mcpgov.registry.classification.ToolDeclaration;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.publish.PublishCheck;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The tool refusals ({@link ToolRules}) at publish and validate. */
@ApplicationScoped
public class ToolPublishCheck implements PublishCheck {

    private final ToolConfig settings;

    ToolPublishCheck(ToolConfig settings) {
        this.settings = settings;
    }

    @Override
    public List<Violation> check(JsonNode document, AuthProfile profile) {
        return ToolDeclaration.read(document)
                .map(declaration -> ToolRules.refusals(declaration, profile == null ? null : profile.oauth2(),
                        settings.maxToolsPerVersion()))
                .orElse(List.of());
    }
}
