package io.mcpgov.registry.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bounds are PostgreSQL numeric's own: 131072 digits before the decimal point, 16383 after it. */
class StorableNumberTest {

    @Test
    void numbersNumericHoldsFit() {
        assertThat(StorableNumber.fits("0")).isTrue();
        assertThat(StorableNumber.fits("-12.5")).isTrue();
        assertThat(StorableNumber.fits("9".repeat(1000))).isTrue();
        assertThat(StorableNumber.fits("1e131071")).isTrue();
        assertThat(StorableNumber.fits("12e131070")).isTrue();
        assertThat(StorableNumber.fits("1e-16383")).isTrue();
        assertThat(StorableNumber.fits("-1E-16383")).isTrue();
        assertThat(StorableNumber.fits("0e999999999")).isTrue();
    }

    @Test
    void numbersBeyondNumericDoNot() {
        assertThat(StorableNumber.fits("1e131072")).isFalse();
        assertThat(StorableNumber.fits("12e131071")).isFalse();
        assertThat(StorableNumber.fits("1e-16384")).isFalse();
        assertThat(StorableNumber.fits("1.5e-16383")).isFalse();
        assertThat(StorableNumber.fits("0e-999999999")).isFalse();
        assertThat(StorableNumber.fits("1e999999")).isFalse();
        assertThat(StorableNumber.fits("1e99999999999")).isFalse();
    }
}
