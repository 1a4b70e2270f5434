package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lenient accessors for documents that may not match the schema. */
public final class Nodes {

    private Nodes() {
    }

    /** An element of an array member together with its index. */
    public record Indexed(int index, JsonNode node) {
    }

    /** The object elements of array member {@code field} of {@code parent}; empty when absent or not an array. */
    public static List<Indexed> objects(JsonNode parent, String field) {
        List<Indexed> result = new ArrayList<>();
        JsonNode array = parent == null ? null : parent.get(field);
        if (array != null && array.isArray()) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isObject()) {
                    result.add(new Indexed(i, array.get(i)));
                }
            }
        }
        return result;
    }

    /** Text member {@code field} of {@code parent}, if it is a string. */
    public static Optional<String> text(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** Object member {@code field} of {@code parent}, if it is an object. */
    public static Optional<JsonNode> object(JsonNode parent, String field) {
        JsonNode value = parent == null ? null : parent.get(field);
        return value != null && value.isObject() ? Optional.of(value) : Optional.empty();
    }
}
