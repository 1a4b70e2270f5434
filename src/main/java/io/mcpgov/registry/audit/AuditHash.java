package io.mcpgov.registry.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The tamper-evident chain's hash: {@code hash = lowercase hex SHA-256(UTF-8(canonical) || UTF-8(prevHash))}, where
 * {@code prevHash} is the previous event's hash (by id) and 64 zeros for the first event.
 *
 * <p>{@code canonical} is one JSON object, no whitespace, members sorted by key (UTF-16 code units, as RFC 8785):
 * {@code action, actorClientId, actorRoles, actorSubject, after, before, id, occurredAt, requestId, sourceAddress,
 * targetId, targetType}; absent values are {@code null}. {@code occurredAt} is UTC with exactly six fraction digits
 * ({@code 2026-01-31T09:05:03.000120Z}); {@code actorRoles} is the stored comma-separated text; {@code before} and
 * {@code after} are the stored JSON, canonicalised the same way at every depth (the database's jsonb reorders keys).
 * Strings escape only {@code "}, {@code \} and control characters ({@code \b \t \n \f \r}, the others as
 * {@code \\u} and four lowercase hex digits); everything else is written as is. Numbers: integers in plain
 * decimal; others as plain decimal without trailing zeros ({@code 1.50} is {@code 1.5}, {@code 1e2} is {@code 100}).
 */
public final class AuditHash {

    public static final String GENESIS = "0".repeat(64);

    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final HexFormat HEX = HexFormat.of();

    private AuditHash() {
    }

    public static String hash(AuditRecord record, String prevHash) {
        return sha256(canonical(record) + prevHash);
    }

    public static String canonical(AuditRecord r) {
        StringBuilder out = new StringBuilder(512);
        out.append("{\"action\":");
        string(r.action(), out);
        out.append(",\"actorClientId\":");
        string(r.actorClientId(), out);
        out.append(",\"actorRoles\":");
        string(r.actorRoles(), out);
        out.append(",\"actorSubject\":");
        string(r.actorSubject(), out);
        out.append(",\"after\":");
        json(r.after(), out);
        out.append(",\"before\":");
        json(r.before(), out);
        out.append(",\"id\":").append(r.id());
        out.append(",\"occurredAt\":");
        string(r.occurredAt() == null ? null : MICROS.format(r.occurredAt()), out);
        out.append(",\"requestId\":");
        string(r.requestId(), out);
        out.append(",\"sourceAddress\":");
        string(r.sourceAddress(), out);
        out.append(",\"targetId\":");
        string(r.targetId(), out);
        out.append(",\"targetType\":");
        string(r.targetType(), out);
        return out.append('}').toString();
    }

    /** The canonical form of a JSON text (null stays null). */
    public static String canonicalJson(String json) {
        StringBuilder out = new StringBuilder();
        json(json, out);
        return out.toString();
    }

    public static String format(Instant instant) {
        return MICROS.format(instant);
    }

    private static void json(String text, StringBuilder out) {
        if (text == null) {
            out.append("null");
            return;
        }
        try {
            node(JSON.readTree(text), out);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit state is not JSON", e);
        }
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
                    string(keys.get(i), out);
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
            case STRING -> string(node.textValue(), out);
            case NUMBER -> out.append(node.isIntegralNumber() ? node.bigIntegerValue().toString()
                    : number(node.decimalValue()));
            case BOOLEAN -> out.append(node.booleanValue());
            default -> out.append("null");
        }
    }

    private static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static void string(String s, StringBuilder out) {
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

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
