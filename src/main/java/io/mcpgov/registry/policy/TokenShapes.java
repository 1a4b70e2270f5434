package io.mcpgov.registry.policy;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Well-known credential formats, recognised by their prefixes and lengths. Every pattern starts with a look-behind
 * that fails inside a run of token characters and uses bounded possessive repetition, so each run of the text is
 * tried once per format and never backtracked over: the cost is linear in the text.
 */
final class TokenShapes {

    private record Shape(SecretKind kind, Pattern pattern, Predicate<String> real) {
    }

    private static final String START = "(?<![A-Za-z0-9_-])";
    private static final String END = "(?![A-Za-z0-9_])";

    private static final List<Shape> SHAPES = List.of(
            shape(SecretKind.GITHUB_TOKEN, START + "gh[pousr]_[A-Za-z0-9]{36,251}+" + END, TokenShapes::mixed),
            shape(SecretKind.GITHUB_FINE_GRAINED_TOKEN, START + "github_pat_[A-Za-z0-9_]{50,240}+" + END,
                    TokenShapes::mixed),
            shape(SecretKind.ANTHROPIC_KEY, START + "sk-ant-[A-Za-z0-9_-]{20,250}+" + END, TokenShapes::randomBody),
            shape(SecretKind.OPENAI_KEY, START + "sk-(?!ant-)[A-Za-z0-9_-]{20,250}+" + END, TokenShapes::randomBody),
            shape(SecretKind.STRIPE_KEY, START + "[sr]k_(?:live|test)_[A-Za-z0-9]{16,250}+" + END, TokenShapes::mixed),
            shape(SecretKind.SLACK_TOKEN, START + "(?:xox[abposr]|xapp)-[A-Za-z0-9-]{10,250}+" + END,
                    TokenShapes::mixed),
            shape(SecretKind.AWS_ACCESS_KEY_ID, "(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])",
                    TokenShapes::mixed),
            shape(SecretKind.GOOGLE_API_KEY, START + "AIza[0-9A-Za-z_-]{35}" + END, TokenShapes::mixed),
            shape(SecretKind.GITLAB_TOKEN, START + "glpat-[A-Za-z0-9_-]{20,250}+" + END, TokenShapes::mixed),
            shape(SecretKind.NPM_TOKEN, START + "npm_[A-Za-z0-9]{36}" + END, TokenShapes::mixed),
            shape(SecretKind.JWT, START + "eyJ[A-Za-z0-9_-]{8,8000}+\\.eyJ[A-Za-z0-9_-]{8,8000}+\\.[A-Za-z0-9_-]{16,8000}+"
                    + END, TokenShapes::mixed));

    /** 40 characters of base64, the length of an AWS secret access key; counted only near an AWS or secret name. */
    private static final Pattern AWS_SECRET = Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
    private static final int AWS_NAME_DISTANCE = 100;

    private TokenShapes() {
    }

    /** Every pattern the scan runs, for the test that feeds them pathological input. */
    static List<Pattern> patterns() {
        return java.util.stream.Stream.concat(SHAPES.stream().map(Shape::pattern), java.util.stream.Stream.of(AWS_SECRET))
                .toList();
    }

    /** The kind of the first known token in {@code text} that is not a placeholder. */
    static Optional<SecretKind> find(String text) {
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(text);
            while (m.find()) {
                String token = m.group();
                if (shape.real().test(token) && !Placeholders.isPlaceholderToken(token)) {
                    return Optional.of(shape.kind());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * An AWS secret access key: 40 random base64 characters in a field named for AWS or a secret, or written within
     * a few words after such a name ({@code aws_secret_access_key=...}).
     */
    static boolean hasAwsSecretKey(String text, String fieldName) {
        boolean namedField = fieldName != null && namesAwsOrSecret(fieldName);
        Matcher m = AWS_SECRET.matcher(text);
        while (m.find()) {
            String token = m.group();
            if (!randomBase64(token) || Placeholders.isPlaceholderToken(token)) {
                continue;
            }
            if (namedField || namesAwsOrSecret(text.substring(Math.max(0, m.start() - AWS_NAME_DISTANCE), m.start()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesAwsOrSecret(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("aws") || lower.contains("secret");
    }

    private static boolean randomBase64(String token) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            upper |= Words.isUpper(c);
            lower |= Words.isLower(c);
            digit |= Words.isDigit(c);
        }
        return upper && lower && digit && Entropy.shannon(token) >= 4.0;
    }

    /** Every real token of these formats mixes letters and digits; an all-letter match is a word (sk-my-api-key-...). */
    private static boolean mixed(String token) {
        return token.chars().anyMatch(Character::isDigit) && token.chars().anyMatch(Character::isLetter);
    }

    /** {@code sk-} starts words too ({@code sk-learn-...}): the key's body must hold a long random run. */
    private static boolean randomBody(String token) {
        return mixed(token) && SecretDetector.hasRandomToken(token.replace('-', ' ').replace('_', ' '),
                SecretDetector.Bar.KNOWN_FORMAT_BODY);
    }

    private static Shape shape(SecretKind kind, String regex, Predicate<String> real) {
        return new Shape(kind, Pattern.compile(regex), real);
    }
}
