package io.mcpgov.registry.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.classification.ToolClassification;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolChangesTest {

    private static ToolSnapshot t(String name, ToolClassification c, String hash, String... scopes) {
        return new ToolSnapshot(name, c, List.of(scopes), hash);
    }

    @Test
    void sameToolsAreNoChange() {
        List<ToolSnapshot> tools = List.of(t("get", ToolClassification.READ_ONLY, "h1", "r"));
        ToolChanges changes = ToolChanges.between("1.0.0", tools, tools);
        assertThat(changes.none()).isTrue();
        assertThat(changes.previousVersion()).isEqualTo("1.0.0");
    }

    @Test
    void addedRemovedMoreAndLessDangerousScopesAndDefinitions() {
        List<ToolSnapshot> before = List.of(
                t("get", ToolClassification.READ_ONLY, "h1", "r"),
                t("put", ToolClassification.WRITE, "h2", "w"),
                t("wipe", ToolClassification.DESTRUCTIVE, "h3", "d"),
                t("old", ToolClassification.READ_ONLY, "h4", "r"));
        List<ToolSnapshot> after = List.of(
                t("get", ToolClassification.READ_ONLY, "h1", "r"),
                t("put", ToolClassification.DESTRUCTIVE, "h2b", "w"),
                t("wipe", ToolClassification.WRITE, "h3b", "d", "e"),
                t("new", ToolClassification.READ_ONLY, "h5", "r"));
        ToolChanges c = ToolChanges.between("1.0.0", before, after);
        assertThat(c.none()).isFalse();
        assertThat(c.added()).containsExactly("new");
        assertThat(c.removed()).containsExactly("old");
        assertThat(c.moreDangerous()).containsExactly(new ToolChanges.ClassificationChange("put", "write", "destructive"));
        assertThat(c.lessDangerous()).containsExactly(new ToolChanges.ClassificationChange("wipe", "destructive", "write"));
        assertThat(c.scopesChanged()).containsExactly(new ToolChanges.ScopeChange("wipe", List.of("e"), List.of()));
        assertThat(c.definitionChanged()).containsExactly("put", "wipe");
    }

    @Test
    void removedScopesAreListed() {
        ToolChanges c = ToolChanges.between("1", List.of(t("a", ToolClassification.WRITE, "x", "s", "t")),
                List.of(t("a", ToolClassification.WRITE, "y", "s")));
        assertThat(c.scopesChanged()).containsExactly(new ToolChanges.ScopeChange("a", List.of(), List.of("t")));
        assertThat(c.moreDangerous()).isEmpty();
    }

    @Test
    void fromNothingEveryToolIsAdded() {
        ToolChanges c = ToolChanges.between("1", List.of(), List.of(t("a", ToolClassification.WRITE, "x", "s")));
        assertThat(c.added()).containsExactly("a");
        assertThat(c.removed()).isEmpty();
    }
}
