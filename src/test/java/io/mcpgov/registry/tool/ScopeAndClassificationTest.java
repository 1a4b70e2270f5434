package io.mcpgov.registry.tool;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.classification.ToolClassification;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Omnibus scopes and the classification of a tool from its hints. */
class ScopeAndClassificationTest {

    private final OmnibusScopes omnibus = new OmnibusScopes(List.of(" * ", "ALL", "admin", "", "full-access"));

    @ParameterizedTest
    @ValueSource(strings = {"*", "all", "All", "admin", "FULL-ACCESS", "weather.admin", "repo:*", "api/all", ".admin",
            "a.b:c/admin", "x.y.all"})
    void omnibusScopes(String scope) {
        assertThat(omnibus.matches(scope)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"weather.read", "administrator", "admin.read", "all.x", "weather.", "repo:", "api/", "",
            "small", "adminx", "x.administrators"})
    void ordinaryScopes(String scope) {
        assertThat(omnibus.matches(scope)).isFalse();
    }

    @Test
    void noScopeIsOmnibus() {
        assertThat(omnibus.matches(null)).isFalse();
        assertThat(new OmnibusScopes(List.of()).matches("admin")).isFalse();
    }

    @Test
    void classificationFollowsTheHints() {
        assertThat(ToolClassification.of(true, true)).isEqualTo(ToolClassification.READ_ONLY);
        assertThat(ToolClassification.of(true, false)).isEqualTo(ToolClassification.READ_ONLY);
        assertThat(ToolClassification.of(false, false)).isEqualTo(ToolClassification.WRITE);
        assertThat(ToolClassification.of(false, true)).isEqualTo(ToolClassification.DESTRUCTIVE);
    }

    @Test
    void classificationsAreOrderedByDanger() {
        assertThat(ToolClassification.DESTRUCTIVE.moreDangerousThan(ToolClassification.WRITE)).isTrue();
        assertThat(ToolClassification.WRITE.moreDangerousThan(ToolClassification.READ_ONLY)).isTrue();
        assertThat(ToolClassification.WRITE.moreDangerousThan(ToolClassification.WRITE)).isFalse();
        assertThat(ToolClassification.READ_ONLY.moreDangerousThan(ToolClassification.DESTRUCTIVE)).isFalse();
    }

    @Test
    void classificationsHaveWireNames() {
        assertThat(ToolClassification.fromWire("read-only")).contains(ToolClassification.READ_ONLY);
        assertThat(ToolClassification.fromWire("write")).contains(ToolClassification.WRITE);
        assertThat(ToolClassification.fromWire("destructive")).contains(ToolClassification.DESTRUCTIVE);
        assertThat(ToolClassification.fromWire("DESTRUCTIVE")).isEmpty();
        assertThat(ToolClassification.fromWire(null)).isEmpty();
        assertThat(ToolClassification.DESTRUCTIVE.wire()).isEqualTo("destructive");
    }
}
