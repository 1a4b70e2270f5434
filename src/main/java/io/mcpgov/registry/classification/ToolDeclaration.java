package io.mcpgov.registry.classification;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Pointers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code tools} of a server.json's governance declaration ({@link GovernanceMeta#locate}), with the JSON pointer
 * of the array. Absent when the document declares no tools (which is not the same as declaring none).
 */
public record ToolDeclaration(String path, List<DeclaredTool> tools) {

    public ToolDeclaration {
        tools = List.copyOf(tools);
    }

    public static Optional<ToolDeclaration> read(JsonNode document) {
        return GovernanceMeta.locate(document).flatMap(declaration -> {
            JsonNode tools = declaration.node().get("tools");
            if (tools == null || !tools.isArray()) {
                return Optional.empty();
            }
            List<DeclaredTool> read = new ArrayList<>();
            for (int i = 0; i < tools.size(); i++) {
                if (tools.get(i).isObject()) {
                    read.add(DeclaredTool.of(i, tools.get(i)));
                }
            }
            return Optional.of(new ToolDeclaration(Pointers.append(declaration.path(), "tools"), read));
        });
    }

    public String pathOf(DeclaredTool tool, Object... more) {
        Object[] tokens = new Object[more.length + 1];
        tokens[0] = tool.index();
        System.arraycopy(more, 0, tokens, 1, more.length);
        return Pointers.append(path, tokens);
    }
}
