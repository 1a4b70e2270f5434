package io.mcpgov.registry.publish.validation;

import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertError;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertNoError;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertValid;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.validate;
import static io.mcpgov.registry.testing.Fixtures.json5;
import static io.mcpgov.registry.testing.Fixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry's server.json schema, through the validator. */
class ServerSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {"valid-server.json", "smithery-bearer.json", "header-without-is-secret.json",
            "bare-remote.json", "same-url-with-and-without-header.json", "oauth-declared.json",
            "secret-env-vars.json", "placeholders.json"})
    void fixturesAreValid(String fixture) {
        assertValid(validate(load(fixture)));
    }

    @Test
    void reportsEveryMissingRequiredMemberAtOnce() {
        ValidationReport report = validate(json5("{'$schema':'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json'}"));
        assertError(report, "schema-required", "/name");
        assertError(report, "schema-required", "/description");
        assertError(report, "schema-required", "/version");
        assertEquals(3, report.errors().size(), report.errors().toString());
    }

    @Test
    void checksLengthsTypesAndEnums() {
        ObjectNode doc = load("valid-server.json");
        doc.put("description", "d".repeat(101));
        doc.put("title", "");
        doc.put("version", "1".repeat(256));
        ((ObjectNode) doc.get("icons").get(0)).put("theme", "blue");
        ((ObjectNode) doc.get("remotes").get(0)).put("type", "http");
        ((ObjectNode) doc.get("packages").get(0)).put("fileSha256", "ABC");
        ValidationReport report = validate(doc);
        assertError(report, "schema-max-length", "/description");
        assertError(report, "schema-min-length", "/title");
        assertError(report, "schema-max-length", "/version");
        assertError(report, "schema-enum", "/icons/0/theme");
        assertError(report, "schema-enum", "/remotes/0/type");
        assertError(report, "schema-pattern", "/packages/0/fileSha256");
    }

    @Test
    void namePatternAndLength() {
        ObjectNode doc = load("valid-server.json");
        doc.put("name", "ab");
        ValidationReport report = validate(doc);
        assertError(report, "schema-min-length", "/name");
        assertError(report, "schema-pattern", "/name");
    }

    @Test
    void remoteNeedsAnHttpUrlOrALeadingTemplate() {
        ObjectNode doc = load("bare-remote.json");
        ((ObjectNode) doc.get("remotes").get(0)).put("url", "ftp://files.example.com/mcp");
        ((ObjectNode) doc.get("remotes").get(1)).remove("url");
        ValidationReport report = validate(doc);
        assertError(report, "schema-pattern", "/remotes/0/url");
        assertError(report, "schema-required", "/remotes/1/url");
    }

    @Test
    void toleratesAUrlTemplateThatStartsWithAVariable() {
        ObjectNode doc = load("bare-remote.json");
        doc.set("remotes", json5("[{'type':'streamable-http','url':'{base_url}/mcp','variables':{'base_url':"
                + "{'default':'https://eu.dialer.example.app'}}}]"));
        assertValid(validate(doc));
    }

    @Test
    void refusesATemplateWithAnInvalidVariableName() {
        ObjectNode doc = load("bare-remote.json");
        doc.set("remotes", json5("[{'type':'sse','url':'{1base}/mcp','variables':{'1base':{}}}]"));
        assertError(validate(doc), "schema-pattern", "/remotes/0/url");
    }

    @Test
    void toleratesAnEmptyRepositoryButNotAPartialOne() {
        ObjectNode doc = load("bare-remote.json");
        assertNoError(validate(doc), "schema-required");
        doc.set("repository", json5("{'source':'github'}"));
        assertError(validate(doc), "schema-required", "/repository/url");
    }

    @Test
    void positionalArgumentNeedsValueOrValueHint() {
        ObjectNode doc = load("valid-server.json");
        ((ObjectNode) doc.get("packages").get(0).get("packageArguments").get(1)).remove("valueHint");
        ValidationReport report = validate(doc);
        assertError(report, "schema-required", "/packages/0/packageArguments/1/valueHint");
        assertTrue(report.errors().get(0).message().contains("alternatives"), report.errors().toString());
    }

    @Test
    void namedArgumentNeedsAName() {
        ObjectNode doc = load("valid-server.json");
        ((ObjectNode) doc.get("packages").get(0).get("packageArguments").get(0)).remove("name");
        assertError(validate(doc), "schema-required", "/packages/0/packageArguments/0/name");
    }

    @Test
    void argumentTypeMustBeKnown() {
        ObjectNode doc = load("valid-server.json");
        ((ObjectNode) doc.get("packages").get(0).get("packageArguments").get(1)).put("type", "");
        assertError(validate(doc), "schema-enum", "/packages/0/packageArguments/1/type");
    }

    @Test
    void httpPackageTransportNeedsAUrlButStdioDoesNot() {
        ObjectNode doc = load("valid-server.json");
        ObjectNode transport = (ObjectNode) doc.get("packages").get(0).get("transport");
        assertValid(validate(doc));
        transport.put("type", "streamable-http");
        assertError(validate(doc), "schema-required", "/packages/0/transport/url");
        transport.put("url", "http://localhost:8080/mcp");
        assertValid(validate(doc));
    }

    @Test
    void packageVersionLatestIsReportedOnceWithTheSemanticRuleId() {
        ObjectNode doc = load("valid-server.json");
        ((ObjectNode) doc.get("packages").get(0)).put("version", "latest");
        ValidationReport report = validate(doc);
        assertEquals(1, report.errors().size(), report.errors().toString());
        assertError(report, "version-latest-reserved", "/packages/0/version");
    }

    @Test
    void publisherProvidedMetaMustBeAnObject() {
        ObjectNode doc = load("valid-server.json");
        doc.set("_meta", json5("{'io.modelcontextprotocol.registry/publisher-provided': []}"));
        assertError(validate(doc), "schema-type", "/_meta/io.modelcontextprotocol.registry~1publisher-provided");
    }

    @Test
    void urlsMustBeUris() {
        ObjectNode doc = load("valid-server.json");
        doc.put("websiteUrl", "not a uri");
        assertError(validate(doc), "schema-format", "/websiteUrl");
    }

    @Test
    void unknownMembersAreAllowedAsInTheOfficialSchema() {
        ObjectNode doc = load("valid-server.json");
        doc.put("futureField", true);
        ((ArrayNode) doc.get("remotes")).addObject().put("type", "sse").put("url", "https://x.example.com/sse")
                .put("futureField", 1);
        assertValid(validate(doc));
    }

    @Test
    void schemaMessagesAreNotEmpty() {
        ValidationReport report = validate(json5("{'name':1,'description':'','version':[]}"));
        assertFalse(report.errors().isEmpty());
        report.errors().forEach(v -> assertFalse(v.message().isBlank(), v.toString()));
    }
}
