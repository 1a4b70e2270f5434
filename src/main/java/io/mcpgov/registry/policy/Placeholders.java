package io.mcpgov.registry.policy;

import java.util.Locale;
import java.util.regex.Pattern;

/** Recognises the stand-ins publishers write where a credential goes: {@code {token}}, {@code <YOUR_KEY>}, ... */
final class Placeholders {

    /** {@code {name}}, {@code ${NAME}}, {@code $NAME}, {@code <anything>}, {@code %NAME%}, {@code {{name}}}. */
    private static final Pattern SPANS = Pattern.compile(
            "\\$\\{[^}]*}|\\{\\{[^}]*}}|\\{[^{}]*}|<[^<>]*>|%[A-Za-z_][A-Za-z0-9_]*%|\\$[A-Za-z_][A-Za-z0-9_]*");

    private static final String[] WORDS = {"your", "example", "placeholder", "changeme", "change_me", "change-me",
            "replace", "dummy", "sample", "insert", "redacted", "xxxx", "****", "...", "todo", "fixme", "here",
            "123456789", "abcdefgh", "<", ">", "{", "}"};

    private Placeholders() {
    }

    /** {@code value} with every placeholder span replaced by a space. */
    static String strip(String value) {
        return SPANS.matcher(value).replaceAll(" ");
    }

    /** A token that is a stand-in rather than a credential: a telling word, or too few distinct characters. */
    static boolean isPlaceholderToken(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        for (String word : WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return token.length() >= 8 && token.chars().distinct().count() < 8;
    }
}
