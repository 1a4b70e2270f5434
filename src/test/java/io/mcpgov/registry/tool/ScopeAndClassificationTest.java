package io.mcpgov.registry.tool;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(Classification.of(true, true)).isEqualTo(Classification.READ_ONLY);
        assertThat(Classification.of(true, false)).isEqualTo(Classification.READ_ONLY);
        assertThat(Classification.of(false, false)).isEqualTo(Classification.WRITE);
        assertThat(Classification.of(false, true)).isEqualTo(Classification.DESTRUCTIVE);
    }

    @Test
    void classificationsAreOrderedByDanger() {
        assertThat(Classification.DESTRUCTIVE.moreDangerousThan(Classification.WRITE)).isTrue();
        assertThat(Classification.WRITE.moreDangerousThan(Classification.READ_ONLY)).isTrue();
        assertThat(Classification.WRITE.moreDangerousThan(Classification.WRITE)).isFalse();
        assertThat(Classification.READ_ONLY.moreDangerousThan(Classification.DESTRUCTIVE)).isFalse();
    }

    @Test
    void classificationsHaveWireNames() {
        assertThat(Classification.fromWire("read-only")).contains(Classification.READ_ONLY);
        assertThat(Classification.fromWire("write")).contains(Classification.WRITE);
        assertThat(Classification.fromWire("destructive")).contains(Classification.DESTRUCTIVE);
        assertThat(Classification.fromWire("DESTRUCTIVE")).isEmpty();
        assertThat(Classification.fromWire(null)).isEmpty();
        assertThat(Classification.DESTRUCTIVE.wire()).isEqualTo("destructive");
    }
}
