package io.mcpgov.registry.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.policy.SecretDetector.Field;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds credentials written into a server.json, where only placeholders belong. Every string of the document is
 * scanned, and every member name: URLs (user-info, path, query, fragment), names, descriptions and titles, the
 * values, defaults and choices of inputs, {@code _meta} (publisher-provided included) and the tool definitions in it
 * (schema defaults, examples, enum values). A string is held to a lower bar, where anything that is not a placeholder
 * counts, when it is the value of a credential: an input declared {@code isSecret} or named for a credential (the
 * {@code value}, {@code default}, {@code choices}, {@code example(s)}, {@code enum} and {@code const} of such an
 * input or schema property, and of its {@code variables}), or a member named for one ({@code "apiKey": "..."}).
 *
 * <p>Each finding points at the string (or, for a member name, at the object holding it) and names the kind of
 * credential; no message contains the value or any part of it. The walk visits each node once and keeps no copy of
 * the path: pointers are built only for findings, of which at most {@link #MAX_FINDINGS} (and
 * {@link #MAX_POINTER_CHARACTERS} characters of pointers) are reported.
 */
public class SecretScanner {

    public static final String RULE_ID = "hardcoded-secret";

    /**
     * The revision of the rules. Raise it whenever they change so that stored versions are scanned again: each
     * version remembers the revision it was last scanned with.
     */
    public static final int REVISION = 2;

    /** Findings reported for one document; a document with more gets one violation more saying so. */
    public static final int MAX_FINDINGS = 100;

    /**
     * Characters of JSON pointers reported for one document: long member names deep in a document must not make
     * the refusal many times larger than the document.
     */
    static final int MAX_POINTER_CHARACTERS = 64 * 1024;

    /** Members whose strings describe a field rather than hold its value. */
    private static final Set<String> DESCRIPTIVE = Set.of("description", "title", "name", "placeholder", "valueHint",
            "type", "format", "$schema", "$ref", "$id", "$comment", "pattern", "mimeType", "registryType",
            "identifier", "runtimeHint", "registryBaseUrl", "fileSha256", "subfolder", "source", "theme", "sizes",
            "version", "status");

    /** Members that hold the value of the field or schema property they belong to. */
    private static final Set<String> VALUES = Set.of("value", "default", "example", "examples", "const");

    /**
     * Members that list the values a field may take: options, which a credential field should not have, but which
     * are often other things (a provider's name beside an API key); held to the random-token bar of a credential.
     */
    private static final Set<String> CHOICES = Set.of("choices", "enum");

    private static final Set<String> INPUT_LISTS = Set.of("environmentVariables", "runtimeArguments",
            "packageArguments");

    /** What the scan found: at most {@link #MAX_FINDINGS}, and whether there were more. */
    public record Findings(List<SecretFinding> found, boolean more) {
        public boolean isEmpty() {
            return found.isEmpty();
        }
    }

    public List<Violation> scan(JsonNode doc) {
        Findings findings = findings(doc);
        List<Violation> violations = new ArrayList<>(findings.found().size() + 1);
        findings.found().forEach(f -> violations.add(new Violation(RULE_ID, f.path(), f.message())));
        if (findings.more()) {
            violations.add(new Violation(RULE_ID, "", "the document holds more values that look like credentials than"
                    + " the " + findings.found().size() + " listed"));
        }
        return violations;
    }

    public Findings findings(JsonNode doc) {
        return new Walk().run(doc);
    }

    /** How a node's strings are judged, from where it sits. */
    private enum Role { PLAIN, HEADER_LIST, INPUT_LIST, HEADER, INPUT, VARIABLES }

    /** One step of the path, linked to its parent; turned into a JSON pointer only for a finding. */
    private record Step(Step parent, String token) {
        String pointer() {
            Deque<String> tokens = new ArrayDeque<>();
            for (Step s = this; s.parent() != null; s = s.parent()) {
                tokens.push(s.token());
            }
            StringBuilder pointer = new StringBuilder();
            tokens.forEach(t -> pointer.append('/').append(t.replace("~", "~0").replace("/", "~1")));
            return pointer.toString();
        }
    }

    /**
     * @param field for a string: what it is to its field; for an array: what its elements are; for an object:
     *              {@code CREDENTIAL} when it is a credential input (its value members are credentials' values)
     * @param credentialName the name of the credential, when known
     */
    private record Item(JsonNode node, Step at, Field field, String credentialName, Role role) {
    }

    private static final class Walk {
        private final List<SecretFinding> found = new ArrayList<>();
        private final Deque<Item> stack = new ArrayDeque<>();
        private int pointerCharacters;
        private boolean more;

        Findings run(JsonNode doc) {
            stack.push(new Item(doc, new Step(null, ""), Field.TEXT, null, Role.PLAIN));
            while (!stack.isEmpty() && !more) {
                Item item = stack.pop();
                JsonNode node = item.node();
                if (node.isTextual()) {
                    SecretDetector.detect(node.asText(), item.field(), item.credentialName())
                            .ifPresent(d -> add(item.at(), d.kind(), d.where()));
                } else if (node.isArray()) {
                    array(item);
                } else if (node.isObject()) {
                    object(item);
                }
            }
            return new Findings(List.copyOf(found), more);
        }

        private void add(Step at, SecretKind kind, String where) {
            String pointer = at.pointer();
            pointerCharacters += pointer.length();
            if (found.size() == MAX_FINDINGS || pointerCharacters > MAX_POINTER_CHARACTERS) {
                more = true;
                return;
            }
            found.add(new SecretFinding(pointer, kind, where));
        }

        private void array(Item item) {
            Role elements = switch (item.role()) {
                case HEADER_LIST -> Role.HEADER;
                case INPUT_LIST -> Role.INPUT;
                default -> Role.PLAIN;
            };
            JsonNode array = item.node();
            for (int i = array.size() - 1; i >= 0; i--) {
                stack.push(new Item(array.get(i), new Step(item.at(), Integer.toString(i)), item.field(),
                        item.credentialName(), elements));
            }
        }

        private void object(Item item) {
            JsonNode object = item.node();
            boolean variables = item.role() == Role.VARIABLES;
            String name = variables ? null : text(object.get("name"));
            boolean named = !variables && namedCredential(item.role(), name, text(object.get("valueHint")));
            boolean credentialInput = !variables && (item.field() == Field.CREDENTIAL || named
                    || object.path("isSecret").isBoolean() && object.path("isSecret").asBoolean());
            String credentialName = named ? name : item.credentialName();
            List<Item> children = new ArrayList<>(object.size());
            Iterator<Map.Entry<String, JsonNode>> members = object.fields();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                String key = member.getKey();
                Optional<SecretDetector.Detection> inKey = SecretDetector.detect(key, Field.TEXT, null);
                if (inKey.isPresent()) {
                    // the pointer to the member would repeat the credential: point at the object holding it
                    add(item.at(), inKey.get().kind(), "a member name");
                    continue;
                }
                children.add(child(item, member.getValue(), key, variables, credentialInput, credentialName));
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
        }

        private static Item child(Item parent, JsonNode value, String key, boolean inVariables,
                boolean credentialInput, String credentialName) {
            Step at = new Step(parent.at(), key);
            if (inVariables) {
                // a variable of an input: a credential when its input is one or its own name says so
                boolean credential = parent.field() == Field.CREDENTIAL || CredentialNames.namesCredentialVariable(key);
                return new Item(value, at, credential ? Field.CREDENTIAL : Field.TEXT, credential ? key : null, Role.INPUT);
            }
            boolean namedByKey = !DESCRIPTIVE.contains(key) && CredentialNames.namesCredential(key);
            Field field = namedByKey || credentialInput && VALUES.contains(key) ? Field.CREDENTIAL
                    : credentialInput && CHOICES.contains(key) ? Field.CREDENTIAL_CHOICE
                    : Field.TEXT;
            String name = namedByKey ? key : credentialName;
            if (value.isObject() && key.equals("variables")) {
                return new Item(value, at, credentialInput ? Field.CREDENTIAL : Field.TEXT, name, Role.VARIABLES);
            }
            if (value.isArray() && key.equals("headers")) {
                return new Item(value, at, field, name, Role.HEADER_LIST);
            }
            if (value.isArray() && INPUT_LISTS.contains(key)) {
                return new Item(value, at, field, name, Role.INPUT_LIST);
            }
            return new Item(value, at, field, name, Role.PLAIN);
        }

        private static boolean namedCredential(Role role, String name, String valueHint) {
            return switch (role) {
                case HEADER -> CredentialNames.isCredentialHeader(name) || CredentialNames.namesCredential(name);
                case INPUT -> CredentialNames.namesCredentialVariable(name)
                        || CredentialNames.namesCredentialVariable(valueHint);
                default -> CredentialNames.namesCredential(name);
            };
        }

        private static String text(JsonNode node) {
            return node != null && node.isTextual() ? node.asText() : null;
        }
    }
}
