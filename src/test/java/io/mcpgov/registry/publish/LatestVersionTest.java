package io.mcpgov.registry.publish;

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
    void semverWinsOverVersionsThatAreNotSemver() {
        assertThat(LatestVersion.replaces("1.0.1º", "1.0.0")).isFalse();
        assertThat(LatestVersion.replaces("3.3.0.1", "3.3.0")).isFalse();
        assertThat(LatestVersion.replaces("1.0.0", "nightly")).isTrue();
    }

    @Test
    void betweenVersionsThatAreNotSemverTheLaterPublishedWins() {
        assertThat(LatestVersion.replaces("v0.10.4-dev2", "v0.10.4-dev1")).isTrue();
        assertThat(LatestVersion.replaces("2025.10.23.1321", "2025.11.17.0708")).isTrue();
    }

    @Test
    void amongReplaysPublicationOrder() {
        assertThat(LatestVersion.among(List.of("1.0.0", "3.0.0", "2.0.0"))).isEqualTo("3.0.0");
        assertThat(LatestVersion.among(List.of("1.0.0", "2.0.0", "nightly"))).isEqualTo("2.0.0");
        assertThat(LatestVersion.among(List.of("nightly", "weekly"))).isEqualTo("weekly");
        assertThat(LatestVersion.among(List.of())).isNull();
    }
}
