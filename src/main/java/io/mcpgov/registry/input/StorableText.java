package io.mcpgov.registry.input;

import io.mcpgov.registry.common.Violation;
import java.util.Optional;

/**
 * Text PostgreSQL can hold: its UTF8 encoding refuses U+0000 in text and jsonb, and an unpaired UTF-16 surrogate has
 * no UTF-8 form at all. Every parameter, form field and JSON string or member name is checked here before use.
 */
public final class StorableText {

    public static final String NUL_CHARACTER = "nul-character";
    public static final String LONE_SURROGATE = "lone-surrogate";

    private StorableText() {
    }

    /** The rule id {@code text} breaks, or null when it can be stored. */
    public static String refusedBy(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > '\u0000' && c < Character.MIN_SURROGATE) {
                continue;
            }
            if (c == '\u0000') {
                return NUL_CHARACTER;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return LONE_SURROGATE;
            }
        }
        return null;
    }

    /**
     * Why {@code text} cannot be stored, if it cannot.
     *
     * @param pointer where the text is, the violation's path
     * @param what the text, for the message ("The string at /description", "The query parameter search")
     */
    public static Optional<Violation> check(CharSequence text, String pointer, String what) {
        String rule = refusedBy(text);
        return rule == null ? Optional.empty() : Optional.of(violation(rule, pointer, what));
    }

    static Violation violation(String rule, String pointer, String what) {
        return new Violation(rule, pointer, what + (NUL_CHARACTER.equals(rule)
                ? " contains U+0000, which cannot be stored."
                : " contains an unpaired UTF-16 surrogate, which cannot be stored."));
    }
}
