package io.mcpgov.registry.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.classification.DeclaredTool;
import io.mcpgov.registry.classification.OAuthDeclaration;
import io.mcpgov.registry.classification.ToolDeclaration;
import io.mcpgov.registry.common.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each tool rule, passing and failing. */
class ToolRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/_meta/io.mcpgov.registry~1governance/tools";
    private static final OAuthDeclaration OAUTH = oauth(List.of("w.read", "w.write", "w.delete"));
    private static final String READ = "{\"name\":\"get\",\"annotations\":{\"readOnlyHint\":true},\"scopes\":[\"w.read\"]}";
    private static final String WRITE = "{\"name\":\"put\",\"annotations\":{\"destructiveHint\":false},\"scopes\":[\"w.write\"]}";
    private static final String DELETE = "{\"name\":\"delete\",\"scopes\":[\"w.delete\"]}";

    static OAuthDeclaration oauth(List<String> supported) {
        return new OAuthDeclaration("https://w.example.com/mcp", null, List.of("https://login.example.com"), supported,
                null, null, null);
    }

    static ToolDeclaration declaration(String... tools) {
        try {
            var doc = JSON.readTree("{\"name\":\"com.example/w\",\"_meta\":{\"io.mcpgov.registry/governance\":{\"tools\":["
                    + String.join(",", tools) + "]}}}");
            return ToolDeclaration.read(doc).orElseThrow();
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static List<Violation> refusals(OAuthDeclaration oauth, String... tools) {
        return ToolRules.refusals(declaration(tools), oauth, 1000);
    }

    private static List<String> ids(List<Violation> violations) {
        return violations.stream().map(Violation::ruleId).toList();
    }

    @Test
    void aWellSeparatedDeclarationPasses() {
        assertThat(refusals(OAUTH, READ, WRITE, DELETE)).isEmpty();
    }

    @Test
    void noToolsDeclarationIsAbsentNotEmpty() throws Exception {
        assertThat(ToolDeclaration.read(JSON.readTree("{\"_meta\":{\"io.mcpgov.registry/governance\":{}}}"))).isEmpty();
        assertThat(declaration().tools()).isEmpty();
        assertThat(declaration().path()).isEqualTo(BASE);
    }

    @Test
    void toolNamesFollowTheMcpRules() {
        assertThat(ToolRules.validName("get_forecast-v2.1")).isTrue();
        assertThat(ToolRules.validName("a".repeat(128))).isTrue();
        assertThat(ToolRules.validName("a".repeat(129))).isFalse();
        assertThat(ToolRules.validName("")).isFalse();
        assertThat(ToolRules.validName("get forecast")).isFalse();
        assertThat(ToolRules.validName("get/forecast")).isFalse();
        assertThat(ToolRules.validName("prévision")).isFalse();
        assertThat(ToolRules.validName(null)).isFalse();
    }

    @Test
    void aBadNameIsRefusedAtItsPath() {
        List<Violation> v = refusals(OAUTH, READ, "{\"name\":\"bad name\",\"annotations\":{\"readOnlyHint\":true},\"scopes\":[\"w.read\"]}");
        assertThat(v).containsExactly(new Violation(ToolRules.NAME_INVALID, BASE + "/1/name",
                "a tool name is 1 to 128 characters of A-Z, a-z, 0-9, underscore, hyphen and dot"));
    }

    @Test
    void duplicateNamesAreRefusedOnTheSecond() {
        List<Violation> v = refusals(OAUTH, READ, WRITE, READ);
        assertThat(ids(v)).containsExactly(ToolRules.NAME_DUPLICATE);
        assertThat(v.get(0).path()).isEqualTo(BASE + "/2/name");
        assertThat(v.get(0).message()).contains("index 0");
    }

    @Test
    void aWriteToolMayNotShareAScopeWithAReadOnlyTool() {
        String writeWithRead = "{\"name\":\"put\",\"annotations\":{\"destructiveHint\":false},\"scopes\":[\"w.write\",\"w.read\"]}";
        List<Violation> v = refusals(OAUTH, READ, writeWithRead);
        assertThat(ids(v)).containsExactly(ToolRules.SCOPE_SHARED);
        assertThat(v.get(0).path()).isEqualTo(BASE + "/1/scopes/1");
        assertThat(v.get(0).message()).contains("'get'").contains("'put'").contains("w.read");
    }

    @Test
    void aDestructiveToolMayNotShareAScopeWithAReadOnlyToolEitherInAnyOrder() {
        String deleteWithRead = "{\"name\":\"delete\",\"scopes\":[\"w.read\"]}";
        assertThat(ids(refusals(OAUTH, deleteWithRead, READ))).containsExactly(ToolRules.SCOPE_SHARED);
    }

    @Test
    void readOnlyToolsMayShareAScopeAndSoMayWriteTools() {
        String read2 = "{\"name\":\"list\",\"annotations\":{\"readOnlyHint\":true},\"scopes\":[\"w.read\"]}";
        String write2 = "{\"name\":\"post\",\"annotations\":{\"destructiveHint\":false},\"scopes\":[\"w.write\"]}";
        String deleteWithWrite = "{\"name\":\"delete\",\"scopes\":[\"w.write\"]}";
        assertThat(refusals(OAUTH, READ, read2, WRITE, write2, deleteWithWrite)).isEmpty();
    }

    @Test
    void aToolOfAnOauthServerMustNameAScope() {
        List<Violation> v = refusals(OAUTH, READ, "{\"name\":\"noscope\",\"annotations\":{\"readOnlyHint\":true}}");
        assertThat(ids(v)).containsExactly(ToolRules.SCOPE_MISSING);
        assertThat(v.get(0).path()).isEqualTo(BASE + "/1");
    }

    @Test
    void aToolOfAServerWithoutOauthMayNameNoScope() {
        assertThat(refusals(null, "{\"name\":\"noscope\"}")).isEmpty();
    }

    @Test
    void everyScopeMustBeSupported() {
        List<Violation> v = refusals(OAUTH, "{\"name\":\"get\",\"annotations\":{\"readOnlyHint\":true},\"scopes\":[\"w.read\",\"w.other\"]}");
        assertThat(ids(v)).containsExactly(ToolRules.SCOPE_UNSUPPORTED);
        assertThat(v.get(0).path()).isEqualTo(BASE + "/0/scopes/1");
        assertThat(v.get(0).message()).contains("w.other").contains("scopesSupported");
    }

    @Test
    void noScopesSupportedMeansNoScopeIsSupported() {
        List<Violation> v = refusals(oauth(null), READ);
        assertThat(ids(v)).containsExactly(ToolRules.SCOPE_UNSUPPORTED);
        assertThat(v.get(0).message()).contains("lists no scopesSupported");
    }

    @Test
    void aServerWithoutOauthSupportsNoScope() {
        List<Violation> v = refusals(null, READ);
        assertThat(ids(v)).containsExactly(ToolRules.SCOPE_UNSUPPORTED);
        assertThat(v.get(0).message()).contains("declares no OAuth");
    }

    @Test
    void tooManyToolsAreRefused() {
        assertThat(ids(ToolRules.refusals(declaration(READ, WRITE, DELETE), OAUTH, 2))).containsExactly(ToolRules.COUNT_EXCEEDED);
        assertThat(ToolRules.refusals(declaration(READ, WRITE, DELETE), OAUTH, 3)).isEmpty();
    }

    @Test
    void allViolationsAreReportedAtOnce() {
        List<Violation> v = refusals(OAUTH, "{\"name\":\"a b\",\"scopes\":[\"nope\"]}", READ, READ);
        assertThat(ids(v)).containsExactlyInAnyOrder(ToolRules.NAME_INVALID, ToolRules.NAME_DUPLICATE,
                ToolRules.SCOPE_UNSUPPORTED);
    }

    @Test
    void omnibusScopesAreFindingsNotRefusals() {
        OmnibusScopes omnibus = new OmnibusScopes(List.of("*", "all", "admin", "full-access"));
        DeclaredTool broad = declaration("{\"name\":\"x\",\"scopes\":[\"w.read\",\"admin\"]}").tools().get(0);
        assertThat(ToolRules.findings(broad, omnibus)).extracting(ToolRules.Finding::ruleId)
                .containsExactly(ToolRules.SCOPE_OMNIBUS);
        assertThat(ToolRules.findings(broad, omnibus).get(0).message()).contains("'admin'").doesNotContain("w.read");
        DeclaredTool narrow = declaration(READ).tools().get(0);
        assertThat(ToolRules.findings(narrow, omnibus)).isEmpty();
        assertThat(ToolRules.refusals(declaration("{\"name\":\"x\",\"scopes\":[\"admin\"]}"), oauth(List.of("admin")), 10)).isEmpty();
    }

    @Test
    void omnibusMatchesWholeScopesAndLastSegmentsIgnoringCase() {
        OmnibusScopes omnibus = new OmnibusScopes(List.of("*", "all", "admin", "full-access"));
        assertThat(omnibus.matches("*")).isTrue();
        assertThat(omnibus.matches("ALL")).isTrue();
        assertThat(omnibus.matches("full-access")).isTrue();
        assertThat(omnibus.matches("weather.admin")).isTrue();
        assertThat(omnibus.matches("repo:*")).isTrue();
        assertThat(omnibus.matches("https://api.example.com/all")).isTrue();
        assertThat(omnibus.matches("weather.read")).isFalse();
        assertThat(omnibus.matches("administrator")).isFalse();
        assertThat(omnibus.matches("tall")).isFalse();
        assertThat(omnibus.matches("weather.")).isFalse();
        assertThat(omnibus.matches("")).isFalse();
    }

    @Test
    void theOmnibusListIsConfigurable() {
        OmnibusScopes omnibus = new OmnibusScopes(List.of("root", " "));
        assertThat(omnibus.matches("root")).isTrue();
        assertThat(omnibus.matches("admin")).isFalse();
        assertThat(omnibus.matches(" ")).isFalse();
    }
}
