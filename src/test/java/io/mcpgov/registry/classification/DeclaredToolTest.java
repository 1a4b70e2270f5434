package io.mcpgov.registry.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.CanonicalJson;
import org.junit.jupiter.api.Test;

/** ToolClassification from MCP annotations (with their defaults) and the definition hash approvals are bound to. */
class DeclaredToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static DeclaredTool tool(String json) {
        try {
            return DeclaredTool.of(0, JSON.readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void withoutAnnotationsAToolIsDestructiveNotIdempotentAndOpenWorld() {
        DeclaredTool t = tool("{\"name\":\"delete_all\"}");
        assertThat(t.classification()).isEqualTo(ToolClassification.DESTRUCTIVE);
        assertThat(t.readOnly()).isFalse();
        assertThat(t.destructive()).isTrue();
        assertThat(t.idempotent()).isFalse();
        assertThat(t.openWorld()).isTrue();
    }

    @Test
    void emptyAnnotationsTakeTheSameDefaults() {
        DeclaredTool t = tool("{\"name\":\"x\",\"annotations\":{}}");
        assertThat(t.classification()).isEqualTo(ToolClassification.DESTRUCTIVE);
        assertThat(t.idempotent()).isFalse();
        assertThat(t.openWorld()).isTrue();
    }

    @Test
    void readOnlyHintMakesItReadOnlyWhateverDestructiveHintSays() {
        DeclaredTool t = tool("{\"name\":\"x\",\"annotations\":{\"readOnlyHint\":true,\"destructiveHint\":true,\"openWorldHint\":false}}");
        assertThat(t.classification()).isEqualTo(ToolClassification.READ_ONLY);
        assertThat(t.destructive()).isFalse();
        assertThat(t.idempotent()).as("reading twice changes nothing").isTrue();
        assertThat(t.openWorld()).isFalse();
    }

    @Test
    void notReadOnlyAndNotDestructiveIsWrite() {
        DeclaredTool t = tool("{\"name\":\"x\",\"annotations\":{\"destructiveHint\":false,\"idempotentHint\":true}}");
        assertThat(t.classification()).isEqualTo(ToolClassification.WRITE);
        assertThat(t.idempotent()).isTrue();
    }

    @Test
    void readOnlyFalseWithoutDestructiveHintIsDestructive() {
        assertThat(tool("{\"name\":\"x\",\"annotations\":{\"readOnlyHint\":false}}").classification())
                .isEqualTo(ToolClassification.DESTRUCTIVE);
    }

    @Test
    void hintsThatAreNotBooleansTakeTheDefaults() {
        assertThat(tool("{\"name\":\"x\",\"annotations\":{\"readOnlyHint\":\"true\"}}").classification())
                .isEqualTo(ToolClassification.DESTRUCTIVE);
    }

    @Test
    void scopesKeepTheirOrderWithoutRepeats() {
        assertThat(tool("{\"name\":\"x\",\"scopes\":[\"b\",\"a\",\"b\"]}").scopes()).containsExactly("b", "a");
    }

    @Test
    void dangerIsOrdered() {
        assertThat(ToolClassification.DESTRUCTIVE.moreDangerousThan(ToolClassification.WRITE)).isTrue();
        assertThat(ToolClassification.WRITE.moreDangerousThan(ToolClassification.READ_ONLY)).isTrue();
        assertThat(ToolClassification.READ_ONLY.moreDangerousThan(ToolClassification.WRITE)).isFalse();
        assertThat(ToolClassification.WRITE.moreDangerousThan(ToolClassification.WRITE)).isFalse();
    }

    @Test
    void hashIgnoresMemberOrderScopeOrderAndSpelledOutDefaults() {
        String a = tool("""
                {"name":"x","description":"d","inputSchema":{"type":"object","properties":{"a":{"type":"string"},"b":{"type":"number"}}},
                 "scopes":["s1","s2"]}""").definitionHash();
        String b = tool("""
                {"scopes":["s2","s1"],"inputSchema":{"properties":{"b":{"type":"number"},"a":{"type":"string"}},"type":"object"},
                 "description":"d","name":"x","annotations":{"readOnlyHint":false,"destructiveHint":true,"openWorldHint":true}}""")
                .definitionHash();
        assertThat(a).isEqualTo(b).hasSize(64);
    }

    @Test
    void hashChangesWithScopesDescriptionSchemaAndAnnotations() {
        String base = tool("{\"name\":\"x\",\"description\":\"d\",\"scopes\":[\"s1\"]}").definitionHash();
        assertThat(tool("{\"name\":\"x\",\"description\":\"d\",\"scopes\":[\"s1\",\"s2\"]}").definitionHash()).isNotEqualTo(base);
        assertThat(tool("{\"name\":\"x\",\"description\":\"e\",\"scopes\":[\"s1\"]}").definitionHash()).isNotEqualTo(base);
        assertThat(tool("{\"name\":\"x\",\"description\":\"d\",\"scopes\":[\"s1\"],\"inputSchema\":{\"type\":\"object\"}}")
                .definitionHash()).isNotEqualTo(base);
        assertThat(tool("{\"name\":\"x\",\"description\":\"d\",\"scopes\":[\"s1\"],\"annotations\":{\"destructiveHint\":false}}")
                .definitionHash()).isNotEqualTo(base);
        assertThat(tool("{\"name\":\"y\",\"description\":\"d\",\"scopes\":[\"s1\"]}").definitionHash()).isNotEqualTo(base);
    }

    @Test
    void canonicalJsonSortsNestedMembersAndDropsNulls() {
        JsonNode a = read("{\"b\":{\"d\":1,\"c\":[{\"z\":1,\"y\":null}]},\"a\":2.0}");
        assertThat(CanonicalJson.canonical(a).toString()).isEqualTo("{\"a\":2,\"b\":{\"c\":[{\"z\":1}],\"d\":1}}");
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
