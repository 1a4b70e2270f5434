package io.mcpgov.registry.common;

import java.util.List;

/** Checking numeric query parameters (limits, cursors), collecting every violation before one 400. */
public final class QueryParams {

    private QueryParams() {
    }

    /** The parameter's value, or {@code fallback} when absent; a violation is added when it is not in range. */
    public static long number(String value, String path, long min, long max, long fallback, List<Violation> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new Violation("invalid-number", path, "must be an integer between " + min + " and " + max));
        return fallback;
    }

    public static void requireValid(List<Violation> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The parameters are invalid.", errors.toArray(Violation[]::new));
        }
    }
}
