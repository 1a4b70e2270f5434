package io.mcpgov.registry.policy;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether one string value holds a real credential. Placeholder spans are removed first; then known token
 * formats, an auth scheme with its credential ({@code Bearer ...}, {@code Basic ...}), and finally long random
 * looking tokens. A value of a field that is declared secret or named like a credential ({@code secretContext})
 * is held to a lower bar, because nothing but a credential belongs there.
 */
final class SecretDetector {

    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)^(bearer|basic|token|digest)\\s+(\\S.*)$");
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s,;'\"`=()\\[\\]]+");
    private static final Pattern TOKEN_CHARACTERS = Pattern.compile("^[A-Za-z0-9+/_.~-]+=*$");
    private static final Pattern BASE64 = Pattern.compile("^[A-Za-z0-9+/]+=*$");
    private static final Pattern PATH = Pattern.compile("^(?:/|~|\\.{1,2}/|[A-Za-z]:[\\\\/]).*");

    /**
     * Thresholds: for any field, and for fields that can only hold a credential. The class-change rate (how often
     * consecutive characters switch between lower case, upper case and digit) tells random text (about 0.6 for
     * base62, 0.47 for hex) from words and identifiers (CamelCase or word0511 stay below 0.2).
     */
    private record Bar(int minLength, int minAlphanumericRun, double minBitsPerChar, double minClassChangeRate,
            double minClassChangeRateWithoutDigits) {
    }

    /**
     * A token without digits counts only in a credential field, and only if it switches case often (random mixed
     * case does, CamelCase does not); in other fields digit-free text is never taken for a secret.
     */
    private static final Bar ANY_FIELD = new Bar(32, 24, 4.0, 0.25, Double.POSITIVE_INFINITY);
    private static final Bar SECRET_FIELD = new Bar(20, 16, 3.0, 0.25, 0.4);

    private SecretDetector() {
    }

    static Optional<SecretKind> detect(String value, boolean secretContext) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (hasPrivateKey(value)) {
            return Optional.of(SecretKind.PRIVATE_KEY);
        }
        String stripped = Placeholders.strip(value);
        Optional<SecretKind> known = TokenShapes.find(stripped);
        if (known.isPresent()) {
            return known;
        }
        Matcher scheme = AUTH_SCHEME.matcher(stripped.trim());
        if (scheme.matches()) {
            String credential = scheme.group(2).trim();
            if (scheme.group(1).equalsIgnoreCase("basic") && isBasicCredentials(credential)) {
                return Optional.of(SecretKind.BASIC_CREDENTIALS);
            }
            return anyRandomToken(credential, SECRET_FIELD);
        }
        return anyRandomToken(stripped, secretContext ? SECRET_FIELD : ANY_FIELD);
    }

    /** The user-info part of a URL ({@code user:password} or a bare token). */
    static Optional<SecretKind> detectUserInfo(String userInfo) {
        String stripped = Placeholders.strip(userInfo);
        int colon = stripped.indexOf(':');
        if (colon >= 0) {
            String password = stripped.substring(colon + 1).trim();
            boolean real = !password.isEmpty() && !Placeholders.isPlaceholderToken(password);
            return real ? Optional.of(SecretKind.URL_PASSWORD) : Optional.empty();
        }
        return detect(userInfo, true);
    }

    private static boolean hasPrivateKey(String value) {
        Matcher header = PRIVATE_KEY.matcher(value);
        if (!header.find()) {
            return false;
        }
        String body = Placeholders.strip(value.substring(header.end()))
                .replaceAll("-----END [A-Z0-9 ]*PRIVATE KEY-----.*", "")
                .replace("\\n", "")
                .replaceAll("[^A-Za-z0-9+/=]", "");
        return body.length() >= 40 && !Placeholders.isPlaceholderToken(body);
    }

    private static boolean isBasicCredentials(String credential) {
        if (Placeholders.isPlaceholderToken(credential)) {
            return false;
        }
        String decoded;
        try {
            byte[] bytes = Base64.getDecoder().decode(credential);
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon > 0 && colon < decoded.length() - 1
                && !Placeholders.isPlaceholderToken(decoded.substring(colon + 1))
                && decoded.chars().noneMatch(Character::isISOControl);
    }

    private static Optional<SecretKind> anyRandomToken(String text, Bar bar) {
        for (String token : TOKEN_SEPARATORS.split(text)) {
            if (looksRandom(token, bar)) {
                return Optional.of(SecretKind.HIGH_ENTROPY);
            }
        }
        return Optional.empty();
    }

    /**
     * Long, made of token characters only (no URL, path, prose), with a long unbroken alphanumeric run (so not a
     * dashed word list, nor a UUID whose longest run is 12), characters switching often between lower case, upper
     * case and digits, and a high Shannon entropy.
     */
    static boolean looksRandom(String token, Bar bar) {
        if (token.length() < bar.minLength() || !TOKEN_CHARACTERS.matcher(token).matches()
                || token.contains("://") || PATH.matcher(token).matches()
                || Placeholders.isPlaceholderToken(token)) {
            return false;
        }
        boolean letters = token.chars().anyMatch(Character::isLetter);
        boolean digits = token.chars().anyMatch(Character::isDigit);
        String run = longestRun(token);
        double classChangeRate = classChangeRate(run);
        return letters
                && classChangeRate >= (digits ? bar.minClassChangeRate() : bar.minClassChangeRateWithoutDigits())
                && run.length() >= bar.minAlphanumericRun()
                && Entropy.shannon(token) >= bar.minBitsPerChar();
    }

    private static String longestRun(String token) {
        boolean base64 = BASE64.matcher(token).matches();
        int bestStart = 0;
        int bestLength = 0;
        int start = 0;
        for (int i = 0; i <= token.length(); i++) {
            if (i == token.length() || !isRunCharacter(token.charAt(i), base64)) {
                if (i - start > bestLength) {
                    bestStart = start;
                    bestLength = i - start;
                }
                start = i + 1;
            }
        }
        return token.substring(bestStart, bestStart + bestLength);
    }

    private static double classChangeRate(String run) {
        if (run.length() < 2) {
            return 0;
        }
        int changes = 0;
        for (int i = 1; i < run.length(); i++) {
            if (characterClass(run.charAt(i)) != characterClass(run.charAt(i - 1))) {
                changes++;
            }
        }
        return changes / (double) (run.length() - 1);
    }

    private static int characterClass(char c) {
        return Character.isDigit(c) ? 0 : Character.isUpperCase(c) ? 1 : Character.isLowerCase(c) ? 2 : 3;
    }

    /**
     * In a token made of the base64 alphabet only, '+' and '/' belong to the run; elsewhere they separate words
     * ({@code owner/Repo2024}) like '-', '_' and '.' do.
     */
    private static boolean isRunCharacter(char c, boolean base64) {
        boolean alphanumeric = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return alphanumeric || (base64 && (c == '+' || c == '/'));
    }
}
