package io.mcpgov.registry.publish.validation.rules;

import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertError;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertNoError;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.validate;
import static io.mcpgov.registry.testing.Fixtures.json5;
import static io.mcpgov.registry.testing.Fixtures.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackageRulesTest {

    @Test
    void identifierWithoutSpacesPasses() {
        assertNoError(validate(load("valid-server.json")), PackageIdentifierSpacesRule.ID);
    }

    @Test
    void identifierWithSpacesFails() {
        ObjectNode doc = load("valid-server.json");
        ((ObjectNode) doc.get("packages").get(0)).put("identifier", "@example/weather mcp");
        assertError(validate(doc), PackageIdentifierSpacesRule.ID, "/packages/0/identifier");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port 8080", "--dir <path>", "--key=$KEY"})
    void namedArgumentNamesWithEmbeddedValuesFail(String name) {
        ObjectNode doc = withFirstArgument("{'type':'named','name':'" + name + "'}");
        assertError(validate(doc), NamedArgumentNameRule.ID, "/packages/0/packageArguments/0/name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port", "-v", "verbose", "--allowed-directories"})
    void plainFlagNamesPass(String name) {
        assertNoError(validate(withFirstArgument("{'type':'named','name':'" + name + "'}")), NamedArgumentNameRule.ID);
    }

    @Test
    void positionalArgumentsAreNotNamedArguments() {
        ObjectNode doc = withFirstArgument("{'type':'positional','value':'--port 8080','name':'--x <y>'}");
        assertNoError(validate(doc), NamedArgumentNameRule.ID);
        assertNoError(validate(doc), NamedArgumentValueRule.ID);
    }

    @Test
    void valueOrDefaultRepeatingTheFlagFails() {
        ObjectNode doc = withFirstArgument("{'type':'named','name':'--port','value':'--port=8080','default':'--port 1'}");
        assertError(validate(doc), NamedArgumentValueRule.ID, "/packages/0/packageArguments/0/value");
        assertError(validate(doc), NamedArgumentValueRule.ID, "/packages/0/packageArguments/0/default");
    }

    @Test
    void valueWithoutTheFlagPasses() {
        assertNoError(validate(withFirstArgument("{'type':'named','name':'--port','value':'8080'}")),
                NamedArgumentValueRule.ID);
    }

    @Test
    void stdioTransportWithAUrlFails() {
        ObjectNode doc = load("valid-server.json");
        assertNoError(validate(doc), StdioTransportUrlRule.ID);
        ((ObjectNode) doc.get("packages").get(0).get("transport")).put("url", "http://localhost:3000/mcp");
        assertError(validate(doc), StdioTransportUrlRule.ID, "/packages/0/transport/url");
    }

    private static ObjectNode withFirstArgument(String argument) {
        ObjectNode doc = load("valid-server.json");
        ((ObjectNode) doc.get("packages").get(0)).set("packageArguments", json5("[" + argument + "]"));
        return doc;
    }
}
