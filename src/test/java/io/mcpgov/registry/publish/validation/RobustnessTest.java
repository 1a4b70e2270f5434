package io.mcpgov.registry.publish.validation;

import static io.mcpgov.registry.testing.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.classification.AuthClassifier;
import io.mcpgov.registry.classification.scan.SecretScanner;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.testing.Fixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parser refuses broken bodies only with a 400 problem; validator, scanner and classifier accept any JSON object
 * without throwing, however wrong its shape.
 */
class RobustnessTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIXTURES = List.of("valid-server.json", "smithery-bearer.json",
            "oauth-declared.json", "secret-env-vars.json", "placeholders.json", "bare-remote.json");

    @Test
    void mutatedDocumentsNeverBreakTheChecks() {
        ServerJsonValidator validator = new ServerJsonValidator(ValidationSettings.production());
        SecretScanner scanner = new SecretScanner();
        AuthClassifier classifier = new AuthClassifier();
        Random random = new Random(42);
        for (int i = 0; i < 1500; i++) {
            ObjectNode doc = load(FIXTURES.get(random.nextInt(FIXTURES.size())));
            for (int m = 0; m < 1 + random.nextInt(4); m++) {
                mutate(doc, random);
            }
            assertDoesNotThrow(() -> validator.validate(doc), doc::toString);
            assertDoesNotThrow(() -> scanner.scan(doc), doc::toString);
            assertDoesNotThrow(() -> classifier.classify(doc), doc::toString);
        }
    }

    @Test
    void theParserOnlyEverRefusesWithABadRequest() throws Exception {
        DocumentParser parser = new DocumentParser();
        Random random = new Random(7);
        byte[] valid = Fixtures.MAPPER.writeValueAsBytes(load("placeholders.json"));
        for (int i = 0; i < 3000; i++) {
            byte[] body = Arrays.copyOf(valid, random.nextInt(valid.length + 1));
            for (int flips = random.nextInt(3); flips > 0 && body.length > 0; flips--) {
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            }
            try {
                parser.parse(body);
            } catch (ProblemException refused) {
                assertEquals(400, refused.status());
                assertEquals(1, refused.errors().size());
            }
        }
    }

    private static void mutate(ObjectNode doc, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collect(doc, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        JsonNode value = randomValue(random);
        if (target instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (!names.isEmpty() && random.nextBoolean()) {
                object.set(names.get(random.nextInt(names.size())), value);
            } else if (!names.isEmpty() && random.nextBoolean()) {
                object.remove(names.get(random.nextInt(names.size())));
            } else {
                object.set(List.of("url", "headers", "variables", "isSecret", "name", "value", "auth", "oauth2",
                        "remotes", "_meta", "transport").get(random.nextInt(11)), value);
            }
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            array.set(random.nextInt(array.size()), value);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> containers) {
        if (node.isContainerNode()) {
            containers.add(node);
            Iterator<JsonNode> children = node.elements();
            children.forEachRemaining(child -> collect(child, containers));
        }
    }

    private static JsonNode randomValue(Random random) {
        switch (random.nextInt(9)) {
            case 0: return NODES.nullNode();
            case 1: return NODES.numberNode(random.nextInt());
            case 2: return NODES.booleanNode(true);
            case 3: return NODES.textNode("");
            case 4: return NODES.textNode("{x}://[::1]:{p}/?a=%zz&=&b");
            case 5: return NODES.arrayNode().add(NODES.nullNode()).add("https://x.example.com");
            case 6: return NODES.objectNode().put("isSecret", true).put("value", "Basic ===");
            case 7: return NODES.objectNode().set("auth", NODES.objectNode().set("oauth2",
                    NODES.objectNode().set("remotes", NODES.arrayNode().add(1))));
            default: return NODES.arrayNode();
        }
    }
}
