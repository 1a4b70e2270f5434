package io.mcpgov.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatestVersionTest {

    @Test
    void theFirstVersionIsLatest() {
        assertThat(LatestVersion.replaces("1.0.0", null)).isTrue();
    }

    @Test
    void aHigherSemverReplacesALowerOne() {
        assertThat(LatestVersion.replaces("1.10.0", "1.9.0")).isTrue();
        assertThat(LatestVersion.replaces("1.9.0", "1.10.0")).isFalse();
        assertThat(LatestVersion.replaces("2.0.0", "2.0.0-rc.1")).isTrue();
        assertThat(LatestVersion.replaces("2.0.0-rc.1", "2.0.0")).isFalse();
    }

    @Test
    void aVersionThatIsNotSemverIsLatestWhenPublished() {
        assertThat(LatestVersion.replaces("2024-06-01", "9.0.0")).isTrue();
        assertThat(LatestVersion.replaces("1.0.0", "nightly")).isTrue();
    }

    @Test
    void amongReplaysPublicationOrder() {
        assertThat(LatestVersion.among(List.of("1.0.0", "3.0.0", "2.0.0"))).isEqualTo("3.0.0");
        assertThat(LatestVersion.among(List.of("1.0.0", "2.0.0", "nightly"))).isEqualTo("nightly");
        assertThat(LatestVersion.among(List.of())).isNull();
    }
}
