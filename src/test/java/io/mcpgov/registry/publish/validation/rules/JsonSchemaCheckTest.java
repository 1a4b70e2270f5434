package io.mcpgov.registry.publish.validation.rules;

import static io.mcpgov.registry.testing.Fixtures.json5;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mcpgov.registry.common.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A schema's violations as the registry reports them: rule id, path under the node's place, and a plain message. */
class JsonSchemaCheckTest {

    private final JsonSchemaCheck governance = new JsonSchemaCheck(JsonSchemaCheck.GOVERNANCE_SCHEMA, "governance");

    private List<Violation> check(String json5) {
        return governance.check(json5(json5), "/_meta/gov");
    }

    @Test
    void aSchemaThatIsNotOnTheClasspathIsRefused() {
        assertThatThrownBy(() -> new JsonSchemaCheck("registry-schema/absent.schema.json", "absent"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("registry-schema/absent.schema.json");
    }

    @Test
    void violationsComeInTheOrderOfTheirPaths() {
        List<Violation> violations = check("{'tools':[{'name':'b','x':1},{'y':2}],'contact':{'email':'no','z':1},'auth':{}}");
        assertThat(violations).extracting(Violation::path).containsExactly(
                "/_meta/gov/auth/oauth2", "/_meta/gov/contact/email", "/_meta/gov/contact/z", "/_meta/gov/tools/0/x",
                "/_meta/gov/tools/1/name", "/_meta/gov/tools/1/y");
    }

    @Test
    void aFormatViolationNamesTheFormat() {
        assertThat(check("{'contact':{'email':'not an address'}}")).containsExactly(new Violation(
                "governance-format", "/_meta/gov/contact/email", "is not a valid email (format check failed)"));
    }

    @Test
    void aMissingRequiredMemberIsNamedAndPointedAt() {
        assertThat(check("{'auth':{}}")).containsExactly(new Violation(
                "governance-required", "/_meta/gov/auth/oauth2", "required property 'oauth2' not found"));
    }

    @Test
    void aMissingMemberOfOneOfSeveralAlternativesSaysSo() {
        assertThat(check("{'contact':{'name':'On call'}}")).extracting(Violation::message).containsExactly(
                "required property 'email' not found (one of the alternatives is required)",
                "required property 'url' not found (one of the alternatives is required)");
    }

    @Test
    void aMemberTheSchemaForbidsIsReportedAsNotAllowed() {
        assertThat(check("{'auth':{'oauth2':{'clientRegistration':{'mode':'dynamic','clientId':'x'}}}}"))
                .filteredOn(v -> v.path().endsWith("/clientRegistration/clientId"))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("property 'clientId' is not allowed here"));
    }
}
