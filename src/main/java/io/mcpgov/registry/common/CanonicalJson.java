package io.mcpgov.registry.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.TreeSet;

/** JSON with object members sorted by name at every depth and nulls dropped, so equal content gives equal text. */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            TreeSet<String> names = new TreeSet<>();
            Iterator<String> it = node.fieldNames();
            it.forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = node.get(name);
                if (!value.isNull()) {
                    sorted.set(name, canonical(value));
                }
            }
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> array.add(canonical(item)));
            return array;
        }
        if (node.isNumber() && node.isFloatingPointNumber() && node.decimalValue().stripTrailingZeros().scale() <= 0) {
            return JsonNodeFactory.instance.numberNode(node.decimalValue().toBigIntegerExact());
        }
        return node;
    }

    public static String sha256(JsonNode node) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical(node).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
