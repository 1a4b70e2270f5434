package io.mcpgov.registry.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.common.Pointers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Field-by-field differences between two JSON documents: {@code {path, change, before, after}} with a JSON pointer,
 * change {@code added}, {@code removed} or {@code changed}. Objects are compared member by member, arrays item by
 * item; long values are shortened.
 */
final class JsonDiff {

    static final int MAX_ENTRIES = 200;
    private static final int MAX_VALUE = 300;

    private JsonDiff() {
    }

    static List<JsonNode> of(JsonNode before, JsonNode after) {
        List<JsonNode> out = new ArrayList<>();
        walk("", before, after, out);
        return out;
    }

    private static void walk(String path, JsonNode before, JsonNode after, List<JsonNode> out) {
        if (out.size() >= MAX_ENTRIES || before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            before.fieldNames().forEachRemaining(names::add);
            after.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                step(Pointers.append(path, name), before.get(name), after.get(name), out);
            }
        } else if (before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                step(Pointers.append(path, i), before.get(i), after.get(i), out);
            }
        } else {
            out.add(entry(path, "changed", before, after));
        }
    }

    private static void step(String path, JsonNode before, JsonNode after, List<JsonNode> out) {
        if (before == null) {
            out.add(entry(path, "added", null, after));
        } else if (after == null) {
            out.add(entry(path, "removed", before, null));
        } else {
            walk(path, before, after, out);
        }
    }

    private static JsonNode entry(String path, String change, JsonNode before, JsonNode after) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("path", path);
        node.put("change", change);
        if (before != null) {
            node.set("before", shorten(before));
        }
        if (after != null) {
            node.set("after", shorten(after));
        }
        return node;
    }

    private static JsonNode shorten(JsonNode value) {
        String text = value.toString();
        return text.length() <= MAX_VALUE ? value : JsonNodeFactory.instance.textNode(text.substring(0, MAX_VALUE) + "…");
    }
}
