package io.mcpgov.registry.tool;

import io.mcpgov.registry.classification.DeclaredTool;
import io.mcpgov.registry.classification.ToolClassification;
import java.util.List;

/** What a version declares about one tool, as far as comparing versions and approvals is concerned. */
public record ToolSnapshot(String name, ToolClassification classification, List<String> scopes, String definitionHash) {

    public ToolSnapshot {
        scopes = List.copyOf(scopes);
    }

    public static ToolSnapshot of(DeclaredTool tool) {
        return new ToolSnapshot(tool.name(), tool.classification(), tool.scopes(), tool.definitionHash());
    }
}
