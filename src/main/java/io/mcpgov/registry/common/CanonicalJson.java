package io.mcpgov.registry.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;

/**
 * The registry's canonical JSON: object members sorted by name (UTF-16 code units, as RFC 8785) at every depth, no
 * whitespace, so that equal content gives equal text and equal hashes. Two stored hashes are made from it, and each
 * keeps its form byte for byte, since a changed form would break what was stored:
 * <ul>
 * <li>the audit chain's ({@link #write(String, StringBuilder)}, {@link #writeString}): {@code null} members kept;
 * strings escape only {@code "}, {@code \} and control characters ({@code \b \t \n \f \r}, the others as
 * {@code \\u} and four lowercase hex digits); integers in plain decimal, other numbers as plain decimal without
 * trailing zeros ({@code 1.50} is {@code 1.5}, {@code 1e2} is {@code 100});</li>
 * <li>a tool definition's ({@link #sha256(JsonNode)}, which binds approvals to the definition): {@code null} members
 * dropped, floating-point numbers with an integral value written as integers, strings and other numbers as Jackson
 * writes them.</li>
 * </ul>
 */
public final class CanonicalJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final HexFormat HEX = HexFormat.of();

    private CanonicalJson() {
    }

    /** Appends a JSON text in the audit chain's form ({@code null} for null); refuses a text that is not JSON. */
    public static void write(String json, StringBuilder out) {
        if (json == null) {
            out.append("null");
            return;
        }
        try {
            node(JSON.readTree(json), out);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }

    /** Appends a string in the audit chain's form ({@code null} for null). */
    public static void writeString(String s, StringBuilder out) {
        if (s == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void node(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> keys = new ArrayList<>(node.size());
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    keys.add(it.next());
                }
                keys.sort(null);
                out.append('{');
                for (int i = 0; i < keys.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeString(keys.get(i), out);
                    out.append(':');
                    node(node.get(keys.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    node(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> out.append(node.isIntegralNumber() ? node.bigIntegerValue().toString()
                    : number(node.decimalValue()));
            case BOOLEAN -> out.append(node.booleanValue());
            default -> out.append("null");
        }
    }

    private static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    /** The tool definition's form of {@code node}, as a tree. */
    public static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            TreeSet<String> names = new TreeSet<>();
            node.fieldNames().forEachRemaining(names::add);
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

    /** The lowercase hex SHA-256 of the tool definition's form of {@code node}. */
    public static String sha256(JsonNode node) {
        return sha256(canonical(node).toString());
    }

    /** The lowercase hex SHA-256 of a text's UTF-8 bytes. */
    public static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
