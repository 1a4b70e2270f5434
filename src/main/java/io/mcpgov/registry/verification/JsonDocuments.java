package io.mcpgov.registry.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads metadata documents strictly: duplicate keys and trailing content are errors, because two parsers reading
 * one document differently is how metadata checks are fooled.
 */
final class JsonDocuments {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** A parsed JSON object, or the reason there is none. */
    record Parsed(ObjectNode object, String problem) {
    }

    private JsonDocuments() {
    }

    static Parsed object(String body) {
        try {
            JsonNode node = STRICT.readTree(body);
            if (node == null || node.isMissingNode()) {
                return new Parsed(null, "empty body");
            }
            if (!node.isObject()) {
                return new Parsed(null, "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT)
                        + ", not an object");
            }
            return new Parsed((ObjectNode) node, null);
        } catch (JsonProcessingException e) {
            return new Parsed(null, "not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** application/json, parameters such as charset allowed. */
    static boolean isJson(Optional<String> contentType) {
        return contentType.map(type -> type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .filter(type -> type.equals("application/json")).isPresent();
    }

    static Optional<String> text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /** The string elements of an array member; empty when the member is absent or not an array. */
    static List<String> strings(JsonNode object, String field) {
        JsonNode value = object.get(field);
        List<String> strings = new ArrayList<>();
        if (value != null && value.isArray()) {
            value.forEach(element -> {
                if (element.isTextual()) {
                    strings.add(element.asText());
                }
            });
        }
        return strings;
    }
}
