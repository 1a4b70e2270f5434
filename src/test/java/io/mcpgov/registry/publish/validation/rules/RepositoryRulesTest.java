package io.mcpgov.registry.publish.validation.rules;

import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertError;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertNoError;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertNoWarning;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertValid;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.assertWarning;
import static io.mcpgov.registry.publish.validation.ValidationAssertions.validate;
import static io.mcpgov.registry.testing.Fixtures.json5;
import static io.mcpgov.registry.testing.Fixtures.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.publish.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepositoryRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"{'url':'https://github.com/example/weather-mcp','source':'github'}",
            "{'url':'https://www.github.com/example/weather.mcp/','source':'github'}",
            "{'url':'https://gitlab.com/group/sub/project','source':'gitlab'}",
            "{'url':'https://git.example.com/team/weather','source':'gitea'}"})
    void forgeUrlsPass(String repository) {
        assertNoError(validate(withRepository(repository)), RepositoryUrlRule.ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'url':'http://github.com/example/weather-mcp','source':'github'}",
            "{'url':'https://gitlab.com/example/weather','source':'github'}",
            "{'url':'https://github.com/example','source':'github'}",
            "{'url':'https://github.com/example/weather/tree/main','source':'github'}",
            "{'url':'https://github.com/example/weather?tab=readme','source':'github'}",
            "{'url':'https://github.com.evil.example/example/weather','source':'github'}",
            "{'url':'https://gitlab.com/project','source':'gitlab'}",
            "{'url':'https://github.com','source':'github'}",
            "{'url':'https://gitlab.com/','source':'gitlab'}",
            "{'url':'http://git.example.com/team/weather','source':'gitea'}"})
    void nonForgeOrPlainHttpUrlsFail(String repository) {
        assertError(validate(withRepository(repository)), RepositoryUrlRule.ID, "/repository/url");
    }

    @Test
    void aProjectPathOfAnyDepthIsCheckedSegmentBySegment() {
        String deep = "/group" + "/sub".repeat(200_000) + "/project";
        assertNoError(validate(withRepository("{'url':'https://gitlab.com" + deep + "','source':'gitlab'}")),
                RepositoryUrlRule.ID);
        assertError(validate(withRepository("{'url':'https://github.com" + deep + "','source':'github'}")),
                RepositoryUrlRule.ID, "/repository/url");
        assertError(validate(withRepository("{'url':'https://gitlab.com" + deep + "//','source':'gitlab'}")),
                RepositoryUrlRule.ID, "/repository/url");
    }

    @Test
    void emptyRepositoryIsOnlyAWarning() {
        ValidationReport report = validate(load("bare-remote.json"));
        assertValid(report);
        assertWarning(report, RepositoryEmptyRule.ID, "/repository");
        assertNoWarning(validate(load("valid-server.json")), RepositoryEmptyRule.ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/everything", "servers/weather.v2", "a"})
    void cleanSubfoldersPass(String subfolder) {
        ObjectNode doc = load("valid-server.json");
        ((ObjectNode) doc.get("repository")).put("subfolder", subfolder);
        assertNoError(validate(doc), RepositorySubfolderRule.ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/src", "src/", "src//x", "../other", "src/./x", "src dir", "src\\x"})
    void uncleanSubfoldersFail(String subfolder) {
        ObjectNode doc = load("valid-server.json");
        ((ObjectNode) doc.get("repository")).put("subfolder", subfolder);
        assertError(validate(doc), RepositorySubfolderRule.ID, "/repository/subfolder");
    }

    private static ObjectNode withRepository(String repository) {
        ObjectNode doc = load("valid-server.json");
        doc.set("repository", json5(repository));
        return doc;
    }
}
