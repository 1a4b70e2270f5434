package io.mcpgov.registry.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Mutations of real JSON documents, as an attacker writes them: values of the wrong type, text PostgreSQL cannot hold,
 * numbers beyond its range, huge strings and arrays, deep nesting, giant names, duplicate and hostile member names, and
 * bytes that are not UTF-8 or not JSON at all. Deterministic for a given {@link Random}.
 */
final class HostileJson {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Values written into the JSON text as they are, where a placeholder string stands in the tree. */
    private final Map<String, String> raw = new HashMap<>();
    private final Random random;

    HostileJson(Random random) {
        this.random = random;
    }

    /** The kinds of mutation, each of which every operation receives at least once. */
    static final int KINDS = 10;

    /**
     * {@code document} with one mutation of the given kind: 0 a giant dotted name in a top-level string (the name
     * first), 1 U+0000 in a string, 2 an unpaired surrogate, 3 a huge string, 4 a huge array, 5 deep nesting, 6 a number
     * beyond numeric, 7 a duplicate member, 8 a value of the wrong type, 9 bytes that are not (UTF-8) JSON.
     */
    byte[] focused(JsonNode document, int kind) {
        raw.clear();
        JsonNode root = document.deepCopy();
        switch (kind) {
            case 0 -> {
                List<String> texts = topLevelTexts(root);
                if (root instanceof ObjectNode object && !texts.isEmpty()) {
                    String member = texts.contains("name") ? "name" : texts.get(random.nextInt(texts.size()));
                    object.put(member, "com." + "a.".repeat(20_000) + "x/y");
                }
            }
            case 1 -> replaceText(root, placeholder("\"a\\u0000b\""));
            case 2 -> replaceText(root, placeholder("\"x\\udc00\""));
            case 3 -> replaceText(root, NODES.textNode("a".repeat(600_000)));
            case 4 -> addTo(root, placeholder(hugeArray()));
            case 5 -> addTo(root, placeholder(deepNesting(100)));
            case 6 -> addTo(root, placeholder("1e999999"));
            case 7 -> {
                List<JsonNode> containers = new ArrayList<>();
                collect(root, containers);
                containers.removeIf(node -> !node.isObject() || node.isEmpty());
                if (!containers.isEmpty()) {
                    ObjectNode object = (ObjectNode) containers.get(random.nextInt(containers.size()));
                    List<String> names = new ArrayList<>();
                    object.fieldNames().forEachRemaining(names::add);
                    String name = names.get(random.nextInt(names.size()));
                    object.set(rawKey(quoted(name) + ":1," + quoted(name)), object.get(name));
                    object.remove(name);
                }
            }
            case 8 -> addTo(root, List.of(NODES.nullNode(), NODES.booleanNode(true), NODES.numberNode(7),
                    NODES.textNode("x"), NODES.arrayNode(), NODES.objectNode()).get(random.nextInt(6)));
            default -> {
                return breakBytes(write(root));
            }
        }
        return write(root);
    }

    /** Replaces one string leaf, or sets a top-level member when there is none. */
    private void replaceText(JsonNode root, JsonNode value) {
        List<Runnable> replacements = new ArrayList<>();
        textLeaves(root, value, replacements);
        if (!replacements.isEmpty()) {
            replacements.get(random.nextInt(replacements.size())).run();
        } else {
            addTo(root, value);
        }
    }

    /** Puts {@code value} in place of a member or element of a random container. */
    private void addTo(JsonNode root, JsonNode value) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            object.set(names.isEmpty() || random.nextInt(4) == 0 ? "extra" : names.get(random.nextInt(names.size())),
                    value);
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty()) {
                array.add(value);
            } else {
                array.set(random.nextInt(array.size()), value);
            }
        }
    }

    private static List<String> topLevelTexts(JsonNode root) {
        List<String> texts = new ArrayList<>();
        root.fields().forEachRemaining(member -> {
            if (member.getValue().isTextual()) {
                texts.add(member.getKey());
            }
        });
        return texts;
    }

    /** {@code document} mutated one to three times, then written, sometimes with its bytes broken too. */
    byte[] mutate(JsonNode document) {
        raw.clear();
        JsonNode root = document.deepCopy();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            root = mutateOnce(root);
        }
        byte[] body = write(root);
        return random.nextInt(8) == 0 ? breakBytes(body) : body;
    }

    private JsonNode mutateOnce(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        if (containers.isEmpty()) {
            return hostileValue();
        }
        switch (random.nextInt(8)) {
            case 0 -> {
                // a giant name or hostile text where the operation reads its key string (name, serverName, subject...)
                List<String> texts = topLevelTexts(root);
                if (!texts.isEmpty() && root instanceof ObjectNode object) {
                    object.set(texts.get(random.nextInt(texts.size())), hostileText());
                    return root;
                }
            }
            case 1, 2 -> {
                List<Runnable> replacements = new ArrayList<>();
                textLeaves(root, null, replacements);
                if (!replacements.isEmpty()) {
                    replacements.get(random.nextInt(replacements.size())).run();
                    return root;
                }
            }
            default -> {
                // a change of structure, below
            }
        }
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            switch (random.nextInt(6)) {
                case 0 -> object.set(hostileName(names), hostileValue());
                case 1 -> {
                    if (!names.isEmpty()) {
                        object.remove(names.get(random.nextInt(names.size())));
                    }
                }
                case 2 -> {
                    if (!names.isEmpty()) {
                        // a duplicate member: the same name twice in the written text
                        String name = names.get(random.nextInt(names.size()));
                        object.set(rawKey(quoted(name) + ":1," + quoted(name)), hostileValue());
                    }
                }
                default -> object.set(names.isEmpty() ? "name" : names.get(random.nextInt(names.size())), hostileValue());
            }
        } else if (target instanceof ArrayNode array) {
            if (array.isEmpty() || random.nextBoolean()) {
                array.add(hostileValue());
            } else {
                array.set(random.nextInt(array.size()), hostileValue());
            }
        }
        return root;
    }

    private String hostileName(List<String> names) {
        return switch (random.nextInt(8)) {
            case 0 -> rawKey("\"k\\u0000\"");
            case 1 -> rawKey("\"k\\ud800\"");
            case 2 -> "k".repeat(1 + random.nextInt(3000));
            case 3 -> "\uD83D\uDE00";
            case 4 -> "";
            case 5 -> "a/b~c";
            default -> List.of("name", "version", "description", "remotes", "packages", "_meta", "url", "headers",
                    "isSecret", "value", "transport", "io.mcpgov.registry/governance", "items", "owningTeam",
                    "expiresAt", "subject", "reason", "tools", "scopes").get(random.nextInt(19));
        };
    }

    JsonNode hostileValue() {
        return switch (random.nextInt(20)) {
            case 0 -> placeholder("\"a\\u0000b\"");
            case 1 -> placeholder("\"x\\udc00\"");
            case 2 -> placeholder("\"\\ud83d\"");
            case 3 -> NODES.textNode("a".repeat(List.of(10_000, 300_000, 600_000).get(random.nextInt(3))));
            case 4 -> placeholder(hugeArray());
            case 5 -> placeholder(deepNesting(List.of(40, 66, 70, 100, 5_000).get(random.nextInt(5))));
            case 6 -> placeholder(List.of("1e999999", "-1e-99999", "0e-999999999", "1.5e-16383", "1e308", "1e400",
                    "9".repeat(1000), "9".repeat(1001), "-0.0", "1E+2", "123456789012345678901234567890")
                    .get(random.nextInt(11)));
            case 7 -> NODES.textNode("com." + "a.".repeat(List.of(100, 20_000).get(random.nextInt(2))) + "x/y");
            case 8 -> NODES.nullNode();
            case 9 -> NODES.booleanNode(random.nextBoolean());
            case 10 -> NODES.numberNode(random.nextInt());
            case 11 -> NODES.objectNode();
            case 12 -> NODES.arrayNode();
            case 13 -> NODES.textNode(List.of("", " ", "latest", "{x}", "http://localhost/", "javascript:alert(1)",
                    "%00", "\\u0000", "' OR 1=1 --", "\u202e", "\uFFFF", "\uD83D\uDE00", "2026-13-45T99:00:00Z")
                    .get(random.nextInt(13)));
            case 14 -> NODES.textNode("https://" + "x".repeat(random.nextInt(5000)) + ".example.com/mcp");
            case 15 -> NODES.arrayNode().add(NODES.objectNode().put("name", "Authorization")
                    .put("value", "Bearer {key}").put("isSecret", true));
            case 16 -> NODES.objectNode().set("io.mcpgov.registry/governance", NODES.objectNode().set("auth",
                    NODES.objectNode().set("oauth2", NODES.objectNode().put("resource", "https://x.example.com"))));
            case 17 -> NODES.textNode(randomText(random.nextInt(200)));
            default -> NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(600) - 300));
        };
    }

    /** Text as an attacker writes it in a field meant for a name, a version or a sentence. */
    private JsonNode hostileText() {
        return switch (random.nextInt(7)) {
            case 0 -> NODES.textNode("com." + "a.".repeat(List.of(100, 20_000, 200_000).get(random.nextInt(3))) + "x/y");
            case 1 -> placeholder("\"a\\u0000b\"");
            case 2 -> placeholder("\"x\\udc00\"");
            case 3 -> NODES.textNode("a".repeat(List.of(201, 10_000, 600_000).get(random.nextInt(3))));
            case 4 -> NODES.textNode("/".repeat(1 + random.nextInt(5000)));
            case 5 -> NODES.textNode(randomText(random.nextInt(300)));
            default -> NODES.textNode("." .repeat(1 + random.nextInt(20_000)) + "/x");
        };
    }

    /** A replacement of each string leaf by {@code value}, or by hostile text when it is null. */
    private void textLeaves(JsonNode node, JsonNode value, List<Runnable> replacements) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(member -> {
                if (member.getValue().isTextual()) {
                    String name = member.getKey();
                    replacements.add(() -> object.set(name, value == null ? hostileText() : value));
                } else {
                    textLeaves(member.getValue(), value, replacements);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    int index = i;
                    replacements.add(() -> array.set(index, value == null ? hostileText() : value));
                } else {
                    textLeaves(array.get(i), value, replacements);
                }
            }
        }
    }

    private String hugeArray() {
        int size = List.of(1_000, 50_000, 400_000).get(random.nextInt(3));
        String element = List.of("0", "{}", "[]", "\"x\"", "null").get(random.nextInt(5));
        StringBuilder text = new StringBuilder(size * (element.length() + 1) + 2).append('[');
        for (int i = 0; i < size; i++) {
            text.append(i == 0 ? "" : ",").append(element);
        }
        return text.append(']').toString();
    }

    private static String deepNesting(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20) + 1;
                case 1 -> 0x20 + random.nextInt(0x5f);
                case 2 -> 0xA0 + random.nextInt(0xD700 - 0xA0);
                default -> 0x10000 + random.nextInt(0x10000);
            });
        }
        return text.toString();
    }

    private JsonNode placeholder(String json) {
        return NODES.textNode(rawKey(json));
    }

    /** A string written as {@code json} (quotes included) in the text. */
    private String rawKey(String json) {
        String key = "@@raw" + raw.size() + "@@";
        raw.put(key, json);
        return key;
    }

    private static String quoted(String text) {
        try {
            return PLAIN.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the tree, then puts each placeholder's JSON text in its place (as a value or as a member name). */
    byte[] write(JsonNode root) {
        String text;
        try {
            text = PLAIN.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (Map.Entry<String, String> entry : raw.entrySet()) {
            text = text.replace("\"" + entry.getKey() + "\"", entry.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes that are not UTF-8 or not complete JSON, or another encoding of the same JSON. */
    private byte[] breakBytes(byte[] body) {
        switch (random.nextInt(6)) {
            case 0 -> {
                return Arrays.copyOf(body, random.nextInt(body.length + 1));
            }
            case 1 -> {
                byte[] broken = body.clone();
                byte[][] invalid = {{(byte) 0xFF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {0}};
                byte[] bad = invalid[random.nextInt(invalid.length)];
                int at = random.nextInt(Math.max(1, broken.length - bad.length));
                System.arraycopy(bad, 0, broken, at, Math.min(bad.length, broken.length - at));
                return broken;
            }
            case 2 -> {
                ByteArrayOutputStream withBom = new ByteArrayOutputStream();
                withBom.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
                withBom.writeBytes(body);
                return withBom.toByteArray();
            }
            case 3 -> {
                return new String(body, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
            }
            case 4 -> {
                return List.of("", "null", "[]", "0", "\"text\"", "{", "{}", "{}{}", " \n ", "{\"a\":1}garbage")
                        .get(random.nextInt(10)).getBytes(StandardCharsets.UTF_8);
            }
            default -> {
                byte[] flipped = body.clone();
                for (int i = 0; i < 1 + random.nextInt(4) && flipped.length > 0; i++) {
                    flipped[random.nextInt(flipped.length)] = (byte) random.nextInt(256);
                }
                return flipped;
            }
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            Iterator<JsonNode> children = node.elements();
            children.forEachRemaining(child -> collect(child, containers));
        }
    }
}
