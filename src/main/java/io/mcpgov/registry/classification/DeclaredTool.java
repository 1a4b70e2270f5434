package io.mcpgov.registry.classification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.common.CanonicalJson;
import java.util.List;
import java.util.TreeSet;

/**
 * One tool as a publisher declared it, with its effective annotations (MCP defaults where absent).
 *
 * @param index       position in the declaration's {@code tools} array
 * @param node        the declared object as published
 * @param scopes      the scopes it names, in declared order, without repeats
 */
public record DeclaredTool(int index, String name, String title, JsonNode node, boolean readOnly, boolean destructive,
        boolean idempotent, boolean openWorld, List<String> scopes) {

    public DeclaredTool {
        scopes = List.copyOf(scopes);
    }

    /** From a declared tool object; hints that are absent (or not booleans) take the MCP defaults. */
    public static DeclaredTool of(int index, JsonNode node) {
        JsonNode annotations = node.path("annotations");
        boolean readOnly = hint(annotations, "readOnlyHint", false);
        boolean destructive = !readOnly && hint(annotations, "destructiveHint", true);
        boolean idempotent = readOnly || hint(annotations, "idempotentHint", false);
        boolean openWorld = hint(annotations, "openWorldHint", true);
        List<String> scopes = new java.util.ArrayList<>();
        for (JsonNode scope : node.path("scopes")) {
            if (scope.isTextual() && !scopes.contains(scope.asText())) {
                scopes.add(scope.asText());
            }
        }
        return new DeclaredTool(index, text(node, "name"), text(node, "title"), node, readOnly, destructive, idempotent,
                openWorld, scopes);
    }

    public ToolClassification classification() {
        return ToolClassification.of(readOnly, destructive);
    }

    /**
     * The definition an approval is bound to: the declared object with the annotations replaced by their effective
     * values (so spelling out a default changes nothing) and the scopes as a sorted set.
     */
    public ObjectNode normalizedDefinition() {
        ObjectNode copy = node.isObject() ? ((ObjectNode) node).deepCopy() : JsonNodeFactory.instance.objectNode();
        ObjectNode annotations = JsonNodeFactory.instance.objectNode();
        JsonNode declared = node.path("annotations");
        if (declared.path("title").isTextual()) {
            annotations.put("title", declared.get("title").asText());
        }
        annotations.put("readOnlyHint", readOnly);
        annotations.put("destructiveHint", hint(declared, "destructiveHint", true));
        annotations.put("idempotentHint", hint(declared, "idempotentHint", false));
        annotations.put("openWorldHint", openWorld);
        copy.set("annotations", annotations);
        var sorted = copy.putArray("scopes");
        new TreeSet<>(scopes).forEach(sorted::add);
        return copy;
    }

    /** SHA-256 over the canonical JSON of {@link #normalizedDefinition()}: equal exactly when definition and scopes are. */
    public String definitionHash() {
        return CanonicalJson.sha256(normalizedDefinition());
    }

    private static boolean hint(JsonNode annotations, String field, boolean fallback) {
        JsonNode value = annotations.get(field);
        return value != null && value.isBoolean() ? value.asBoolean() : fallback;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
