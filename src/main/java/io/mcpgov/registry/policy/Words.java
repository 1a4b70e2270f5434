package io.mcpgov.registry.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits names and values into lower-case words at anything that is not an ASCII letter or digit and at camel-case
 * humps: {@code GITHUB_TOKEN}, {@code githubToken}, {@code x-api-key}, {@code APIKey} and {@code --api-key} give
 * the same words. One pass over the text.
 */
final class Words {

    private Words() {
    }

    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!isAsciiAlphanumeric(c)) {
                start = add(words, text, start, i);
                continue;
            }
            if (start >= 0 && isUpper(c)) {
                char before = text.charAt(i - 1);
                boolean afterLower = isLower(before) || isDigit(before);
                boolean endOfAcronym = isUpper(before) && i + 1 < n && isLower(text.charAt(i + 1));
                if (afterLower || endOfAcronym) {
                    start = add(words, text, start, i);
                }
            }
            if (start < 0) {
                start = i;
            }
        }
        add(words, text, start, n);
        return words;
    }

    private static int add(List<String> words, String text, int start, int end) {
        if (start >= 0 && end > start) {
            words.add(text.substring(start, end).toLowerCase(Locale.ROOT));
        }
        return -1;
    }

    static boolean isAsciiAlphanumeric(char c) {
        return isLower(c) || isUpper(c) || isDigit(c);
    }

    static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
