package io.mcpgov.registry.publish.validation.rules;

import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertError;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertNoError;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.validate;
import static io.mcpgov.registry.testing.Fixtures.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.publish.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameAndVersionRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"com.example/weather", "io.github.alice/my_server-2", "a1/b2", "ai.smithery/x.y"})
    void wellFormedNamesPass(String name) {
        assertNoError(validate(withName(name)), NameFormatRule.ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"com.example", "com.example/a/b", "-com.example/weather", "com.example./weather",
            "com.example/weather_", "com.example/.weather", "a/bc", "com.example/w"})
    void malformedNamesFail(String name) {
        assertError(validate(withName(name)), NameFormatRule.ID, "/name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"latest", "LATEST", " latest "})
    void latestIsReservedForTheServerVersion(String version) {
        ObjectNode doc = load("valid-server.json");
        doc.put("version", version);
        assertError(validate(doc), VersionLatestReservedRule.ID, "/version");
    }

    @Test
    void latestIsReservedForPackageVersions() {
        ObjectNode doc = load("valid-server.json");
        assertNoError(validate(doc), VersionLatestReservedRule.ID);
        ((ObjectNode) doc.get("packages").get(0)).put("version", "latest");
        assertError(validate(doc), VersionLatestReservedRule.ID, "/packages/0/version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"^1.2", "~1", "~1.2.3", ">=1", "<2", ">1.0.0", "<=2.0", "=1.0.0", "1.x", "1.2.X", "1.*",
            "*", "x", "1.0.0 - 2.0.0", "1.2 || 1.3", "^1.0.0 || ^2.0.0", ">=1.0 <2.0", "~>1.2"})
    void rangesAreRefusedAsServerVersions(String version) {
        ObjectNode doc = load("valid-server.json");
        doc.put("version", version);
        assertError(validate(doc), VersionRangeRule.ID, "/version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0.0", "1.2.3-beta.1", "1.0.0-x", "1.0.0+build.5", "2025.12.01", "v2", "1.0",
            "0.1.0-rc.1+exp.sha.5114f85", "20251211-abcdef"})
    void specificVersionsPass(String version) {
        ObjectNode doc = load("valid-server.json");
        doc.put("version", version);
        ((ObjectNode) doc.get("packages").get(0)).put("version", version);
        assertNoError(validate(doc), VersionRangeRule.ID);
    }

    @Test
    void rangesAreRefusedAsPackageVersions() {
        ObjectNode doc = load("valid-server.json");
        ((ObjectNode) doc.get("packages").get(0)).put("version", "^1.4.0");
        assertError(validate(doc), VersionRangeRule.ID, "/packages/0/version");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t"})
    void blankVersionsFail(String version) {
        ObjectNode doc = load("valid-server.json");
        doc.put("version", version);
        ((ObjectNode) doc.get("packages").get(0)).put("version", version);
        ValidationReport report = validate(doc);
        assertError(report, VersionBlankRule.ID, "/version");
        assertError(report, VersionBlankRule.ID, "/packages/0/version");
    }

    @Test
    void aRealVersionIsNotBlank() {
        assertNoError(validate(load("valid-server.json")), VersionBlankRule.ID);
    }

    @Test
    void whitespaceTitleFailsAndARealTitlePasses() {
        ObjectNode doc = load("valid-server.json");
        assertNoError(validate(doc), TitleBlankRule.ID);
        doc.put("title", "   \t");
        assertError(validate(doc), TitleBlankRule.ID, "/title");
    }

    private static ObjectNode withName(String name) {
        ObjectNode doc = load("valid-server.json");
        doc.put("name", name);
        return doc;
    }
}
