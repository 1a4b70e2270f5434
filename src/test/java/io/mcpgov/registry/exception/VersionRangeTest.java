package io.mcpgov.registry.exception;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VersionRangeTest {

    @Test
    void noRangeCoversEveryVersion() {
        assertThat(VersionRange.covers(null, "1.0.0")).isTrue();
        assertThat(VersionRange.covers(null, "nightly")).isTrue();
    }

    @Test
    void semverRanges() {
        assertThat(VersionRange.covers(">=1.0.0 <2.0.0", "1.5.0")).isTrue();
        assertThat(VersionRange.covers(">=1.0.0 <2.0.0", "2.0.0")).isFalse();
        assertThat(VersionRange.covers("1.x", "1.9.9")).isTrue();
        assertThat(VersionRange.covers("^1.2.0", "1.3.0")).isTrue();
        assertThat(VersionRange.covers("^1.2.0", "2.0.0")).isFalse();
    }

    @Test
    void aNonSemverVersionIsCoveredOnlyByItsOwnName() {
        assertThat(VersionRange.covers("nightly", "nightly")).isTrue();
        assertThat(VersionRange.covers(">=1.0.0", "nightly")).isFalse();
    }

    @Test
    void validity() {
        assertThat(VersionRange.isValid(null)).isTrue();
        assertThat(VersionRange.isValid(">=1.0.0 <2.0.0")).isTrue();
        assertThat(VersionRange.isValid("not a range!")).isFalse();
    }
}
