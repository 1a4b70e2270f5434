package io.mcpgov.registry.input;

import java.math.BigDecimal;

/**
 * JSON numbers PostgreSQL can hold: a jsonb number is a numeric, which holds at most 131072 digits before the decimal
 * point and 16383 after it, and one number beyond that ({@code 1e999999}, {@code 1e-99999}) fails the whole statement.
 */
public final class StorableNumber {

    public static final String OUT_OF_RANGE = "number-out-of-range";
    public static final int MAX_INTEGER_DIGITS = 131072;
    public static final int MAX_FRACTION_DIGITS = 16383;

    /** Plain numbers (no exponent) this short always fit. */
    private static final int ALWAYS_FITS = 1000;

    private StorableNumber() {
    }

    /** Whether a JSON number, as written, fits; cheap for plain numbers, which are nearly all of them. */
    public static boolean fits(String text) {
        if (text.length() <= ALWAYS_FITS && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            return true;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            return value.scale() <= MAX_FRACTION_DIGITS
                    && (value.signum() == 0 || (long) value.precision() - value.scale() <= MAX_INTEGER_DIGITS);
        } catch (NumberFormatException e) {
            return false; // an exponent beyond the range of an int
        }
    }
}
