package io.mcpgov.registry.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

/** A namespace longer than any server name may be is owned by nothing, and never reaches the database. */
class NamespaceLookupBoundTest {

    @Test
    void aNamespaceLongerThanAnyNameIsOwnedByNothingWithoutALookup() {
        // no data source: a lookup would fail
        NamespaceRepository repository = new NamespaceRepository();
        assertThat(repository.owning("com." + "a.".repeat(20_000) + "x")).isEmpty();
        assertThat(repository.owning("a".repeat(NamespaceService.MAX_NAME_LENGTH + 1))).isEmpty();
    }

    @Test
    void aNamespaceIsCheckedForLengthBeforeItsPattern() {
        assertThat(NamespaceService.isNamespace("com.example.weather")).isTrue();
        assertThat(NamespaceService.isNamespace("a." + "b".repeat(NamespaceService.MAX_NAME_LENGTH))).isFalse();
        // the pattern's repeated group would recurse once per label: 20,000 labels overflow the stack
        assertThat(NamespaceService.isNamespace("com." + "a.".repeat(20_000) + "x")).isFalse();
    }

    @Test
    void theBoundIsTheSchemasLongestName() throws Exception {
        try (InputStream schema = getClass().getResourceAsStream("/registry-schema/server.schema.json")) {
            JsonNode name = new ObjectMapper().readTree(schema).path("properties").path("name");
            assertThat(name.path("maxLength").asInt()).isEqualTo(NamespaceService.MAX_NAME_LENGTH);
        }
    }
}
