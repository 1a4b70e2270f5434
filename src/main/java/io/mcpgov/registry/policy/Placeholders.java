package io.mcpgov.registry.policy;

import java.util.List;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises the stand-ins publishers write where a credential goes. Three rules, in this order:
 * <ol>
 * <li>Template spans are not values: {@code {name}}, {@code {{name}}}, {@code ${NAME}}, {@code $NAME},
 * {@code <anything>}, {@code %NAME%} are removed before a value is judged (known token formats are looked for before,
 * so a real token in brackets is still found).</li>
 * <li>A value made only of filler words is a placeholder: the names of credentials ({@code api}, {@code key},
 * {@code token}, {@code password} ...), stand-in words ({@code your}, {@code here}, {@code example}, {@code changeme},
 * {@code test}, {@code demo}, {@code none}, {@code true} ...), runs of one character ({@code xxxx}, {@code ****}),
 * sequences ({@code 123456}, {@code abcdef}) and the prefixes of known formats ({@code sk}, {@code ghp}). So are
 * values with no letter or digit, and values with an ellipsis (an elided example: {@code sk-abc...}).</li>
 * <li>A value that says it is an example ({@code your}, {@code example}, {@code placeholder}, {@code changeme},
 * {@code replace}, {@code insert}, {@code dummy}, {@code sample}, {@code redacted}, {@code todo}) is a placeholder
 * unless what remains without those words is itself a random secret.</li>
 * </ol>
 */
final class Placeholders {

    /** Bounded spans (no input makes the match go quadratic); a JSON object in braces is not a span. */
    private static final Pattern SPANS = Pattern.compile("\\$\\{[^}]{0,200}+}|\\{\\{[^{}\"':,]{0,200}+}}|\\{[^{}\"':,]{0,200}+}"
            + "|<[^<>]{0,200}+>|%[A-Za-z_][A-Za-z0-9_]{0,100}+%|\\$[A-Za-z_][A-Za-z0-9_]{0,100}+");

    /** Words that mark a value as an example wherever they appear in it. */
    private static final List<String> TELLING_ANYWHERE = List.of("example", "placeholder", "changeme", "replaceme",
            "redacted", "dummy", "sample", "insert", "fixme");

    /** Words that mark a value as an example when they are words of their own, or begin one ({@code yourkey}). */
    private static final Set<String> TELLING_WORDS = Set.of("your", "yours", "todo", "tbd", "replace", "here");

    private static final Set<String> FILLER = Set.of(
            // credential names
            "api", "key", "keys", "apikey", "token", "tokens", "secret", "password", "passwd", "pass", "pwd", "access",
            "auth", "bearer", "basic", "digest", "client", "private", "personal", "credential", "credentials", "pat",
            "id", "user", "username", "login", "account", "admin", "root", "guest", "session", "cookie", "header",
            "query", "oauth", "oauth2", "oidc", "jwt", "sso", "saml", "mtls", "app", "bot", "service", "project",
            "org", "organization", "workspace", "tenant", "license", "subscription", "signing", "webhook",
            // stand-ins
            "your", "yours", "my", "our", "the", "a", "an", "of", "for", "to", "in", "with", "and", "or", "at", "from",
            "here", "goes", "go", "put", "paste", "enter", "fill", "set", "unset", "use", "get", "insert", "replace",
            "value", "string", "text", "new", "test", "testing", "demo", "dev", "local", "default", "fake", "mock",
            "foo", "bar", "baz", "qux", "abc", "none", "null", "nil", "empty", "undefined", "true", "false", "yes",
            "no", "on", "off", "enabled", "disabled", "required", "optional", "changeme", "change", "me", "todo",
            "tbd", "example", "sample", "dummy", "placeholder", "redacted", "hidden", "masked", "x",
            // prefixes of known formats
            "sk", "proj", "ant", "api03", "svcacct", "ghp", "gho", "ghu", "ghs", "ghr", "github", "glpat", "xoxb",
            "xoxp", "xoxa", "xoxr", "xoxs", "xapp", "akia", "asia", "aiza", "rk", "live", "npm", "hf", "whsec",
            "pk", "eyj");

    private Placeholders() {
    }

    /** The pattern of template spans, for the test that feeds it pathological input. */
    static Pattern spans() {
        return SPANS;
    }

    /** {@code value} with every template span replaced by a space. */
    static String strip(String value) {
        return SPANS.matcher(value).replaceAll(" ");
    }

    /** Whether a whole value (spans already stripped) stands in for a credential rather than being one. */
    static boolean isPlaceholderValue(String value) {
        String trimmed = value.trim();
        if (!hasAlphanumeric(trimmed) || trimmed.contains("...") || trimmed.contains("\u2026")) {
            return true;
        }
        if (allFiller(trimmed)) {
            return true;
        }
        String withoutTelling = withoutTellingWords(trimmed);
        return withoutTelling != null && !SecretDetector.hasRandomToken(withoutTelling, SecretDetector.Bar.CREDENTIAL);
    }

    /** Whether a token of a known format or a random-looking token is a stand-in ({@code ghp_xxxx...}). */
    static boolean isPlaceholderToken(String token) {
        if (allFiller(token)) {
            return true;
        }
        String withoutTelling = withoutTellingWords(token);
        return withoutTelling != null && !SecretDetector.hasRandomToken(withoutTelling, SecretDetector.Bar.CREDENTIAL);
    }

    private static boolean allFiller(String text) {
        List<String> words = Words.of(text);
        if (words.isEmpty()) {
            return true;
        }
        for (String word : words) {
            if (!isFillerWord(word)) {
                return false;
            }
        }
        return true;
    }

    static boolean isFillerWord(String word) {
        return FILLER.contains(word) || isRepetitive(word) || isSequence(word) || startsWithTellingWord(word);
    }

    /** {@code text} without its telling words (letter case kept), or null when it has none. */
    private static String withoutTellingWords(String text) {
        char[] rest = text.toCharArray();
        String lower = asciiLowerCase(text);
        boolean telling = false;
        for (String word : TELLING_ANYWHERE) {
            for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length())) {
                Arrays.fill(rest, at, at + word.length(), ' ');
                telling = true;
            }
        }
        int start = -1;
        for (int i = 0; i <= rest.length; i++) {
            boolean inWord = i < rest.length && Words.isAsciiAlphanumeric(rest[i]);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                String word = asciiLowerCase(new String(rest, start, i - start));
                if (TELLING_WORDS.contains(word) || startsWithTellingWord(word)) {
                    Arrays.fill(rest, start, i, ' ');
                    telling = true;
                }
                start = -1;
            }
        }
        return telling ? new String(rest) : null;
    }

    /** Lower case for ASCII letters only, so that indexes stay those of the original text. */
    private static String asciiLowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (Words.isUpper(chars[i])) {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private static boolean startsWithTellingWord(String word) {
        return word.length() > 4 && word.startsWith("your");
    }

    /** {@code xxxx}, {@code 0000}, {@code akiaxxxxxxxxxxxxxxxx}: few distinct characters for the length. */
    private static boolean isRepetitive(String word) {
        if (word.length() < 2) {
            return false;
        }
        long distinct = word.chars().distinct().count();
        return distinct == 1 || word.length() >= 4 && distinct <= Math.max(2, word.length() / 5);
    }

    /** {@code 123456}, {@code abcdef}, {@code 1234567890abcdef}: nearly every character follows the one before. */
    private static boolean isSequence(String word) {
        if (word.length() < 4) {
            return false;
        }
        int steps = 0;
        for (int i = 1; i < word.length(); i++) {
            char a = word.charAt(i - 1);
            char b = word.charAt(i);
            if (b == a + 1 || (a == '9' && b == '0') || (a == '0' && b == '1')) {
                steps++;
            }
        }
        return steps >= 0.8 * (word.length() - 1);
    }

    private static boolean hasAlphanumeric(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Words.isAsciiAlphanumeric(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
