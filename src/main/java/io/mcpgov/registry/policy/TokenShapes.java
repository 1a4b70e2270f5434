package io.mcpgov.registry.policy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Well-known credential formats, recognised by their prefixes and lengths. */
final class TokenShapes {

    private record Shape(SecretKind kind, Pattern pattern) {
    }

    private static final String START = "(?<![A-Za-z0-9_-])";
    private static final String END = "(?![A-Za-z0-9_])";

    private static final List<Shape> SHAPES = List.of(
            shape(SecretKind.GITHUB_TOKEN, START + "gh[pousr]_[A-Za-z0-9]{36,251}" + END),
            shape(SecretKind.GITHUB_FINE_GRAINED_TOKEN, START + "github_pat_[A-Za-z0-9_]{50,240}" + END),
            shape(SecretKind.OPENAI_STYLE_KEY, START + "sk-[A-Za-z0-9_-]{20,250}" + END),
            shape(SecretKind.STRIPE_KEY, START + "[sr]k_(?:live|test)_[A-Za-z0-9]{16,250}" + END),
            shape(SecretKind.SLACK_TOKEN, START + "(?:xox[abposr]|xapp)-[A-Za-z0-9-]{10,250}" + END),
            shape(SecretKind.AWS_ACCESS_KEY_ID, "(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])"),
            shape(SecretKind.GOOGLE_API_KEY, START + "AIza[0-9A-Za-z_-]{35}" + END),
            shape(SecretKind.GITLAB_TOKEN, START + "glpat-[A-Za-z0-9_-]{20,250}" + END),
            shape(SecretKind.NPM_TOKEN, START + "npm_[A-Za-z0-9]{36}" + END),
            shape(SecretKind.JWT, START + "eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}" + END));

    private TokenShapes() {
    }

    /** The kind of the first known token in {@code text} that is not a placeholder. */
    static Optional<SecretKind> find(String text) {
        for (Shape shape : SHAPES) {
            Matcher m = shape.pattern().matcher(text);
            while (m.find()) {
                String token = m.group();
                if (!Placeholders.isPlaceholderToken(token) && hasLetterAndDigit(token)) {
                    return Optional.of(shape.kind());
                }
            }
        }
        return Optional.empty();
    }

    /** Every real token of these formats mixes letters and digits; an all-letter match is a word (sk-my-api-key-...). */
    private static boolean hasLetterAndDigit(String token) {
        return token.chars().anyMatch(Character::isDigit) && token.chars().anyMatch(Character::isLetter);
    }

    private static Shape shape(SecretKind kind, String regex) {
        return new Shape(kind, Pattern.compile(regex));
    }
}
