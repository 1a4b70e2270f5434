package io.mcpgov.registry.policy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether one string holds a credential, in this order: a PEM private key; a token of a known format; an AWS
 * secret access key near an AWS or secret name; a credential in a URL (user-info, a query parameter named for one, a
 * random path segment or parameter); in a credential field, any value that is not a placeholder; a credential
 * assigned to a credential name in text ({@code password=...}); a credential after an auth scheme
 * ({@code Bearer ...}, {@code Basic ...}); finally a long random-looking token anywhere.
 *
 * <p>Every step is a bounded number of passes over the string, and every pattern is bounded so that no input makes
 * it backtrack: the cost is linear in the string.
 */
final class SecretDetector {

    /** Where in the string the credential is (for the message), and what it looks like. */
    record Detection(SecretKind kind, String where) {
    }

    /** What a string is to the field that holds it. */
    enum Field {
        /** Text, a name, a URL: credentials of known formats, in URLs, assigned to credential names, random ones. */
        TEXT,
        /** One of the choices or enum values of a credential: also a shorter random token. */
        CREDENTIAL_CHOICE,
        /** The value, default or example of a credential: anything that is not a placeholder or a reference. */
        CREDENTIAL
    }

    /**
     * Thresholds of the random-token test. The class-change rate (how often consecutive characters switch between
     * lower case, upper case and digit) tells random text (about 0.6 for base62, 0.47 for hex) from words and
     * identifiers (CamelCase or word0511 stay below 0.2). A token without digits counts only where the bar allows
     * it, and only if it switches case often (random mixed case does, CamelCase does not).
     */
    enum Bar {
        /** Any string: only long, clearly random tokens; never hex alone (hashes, commit ids). */
        ANY(32, 24, 4.0, 0.25, Double.POSITIVE_INFINITY, false),
        /** A field that can only hold a credential: shorter tokens count, hex too. */
        CREDENTIAL(20, 16, 3.0, 0.25, 0.4, true),
        /** The body of a token whose prefix is a known format's ({@code sk-...}). */
        KNOWN_FORMAT_BODY(16, 16, 3.0, 0.25, 0.4, true);

        final int minLength;
        final int minAlphanumericRun;
        final double minBitsPerChar;
        final double minClassChangeRate;
        final double minClassChangeRateWithoutDigits;
        final boolean hexCounts;

        Bar(int minLength, int minAlphanumericRun, double minBitsPerChar, double minClassChangeRate,
                double minClassChangeRateWithoutDigits, boolean hexCounts) {
            this.minLength = minLength;
            this.minAlphanumericRun = minAlphanumericRun;
            this.minBitsPerChar = minBitsPerChar;
            this.minClassChangeRate = minClassChangeRate;
            this.minClassChangeRateWithoutDigits = minClassChangeRateWithoutDigits;
            this.hexCounts = hexCounts;
        }
    }

    private static final Pattern PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----");
    private static final int LONGEST_PRIVATE_KEY = 100_000;
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)^(bearer|basic|token|digest)\\s++(\\S.*+)$");
    private static final Pattern AUTH_SCHEME_IN_TEXT = Pattern.compile(
            "(?<![A-Za-z0-9])(?i:(bearer|basic|token))[ \\t]{1,3}+([A-Za-z0-9._~+/=-]{8,2000}+)");
    /** {@code name=value}, {@code name: value}, {@code "name": "value"}: bounded, possessive, tried once per word. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?<![A-Za-z0-9_.-])([A-Za-z][A-Za-z0-9_.-]{0,63}+)[\"']?+[ \\t]{0,3}+[:=][ \\t]{0,3}+[\"']?+"
                    + "([^\\s\"'&,;<>(){}\\[\\]]{1,512}+)");
    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s,;'\"`=()\\[\\]{}<>|\\\\:?&#@!*^$]++");
    private static final Pattern TOKEN_CHARACTERS = Pattern.compile("[A-Za-z0-9+/_.~-]++=*+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]++=*+");
    private static final Pattern HEX = Pattern.compile("(?:0x)?+[0-9a-fA-F]++");
    private static final Pattern PATH = Pattern.compile("(?:/|~|\\.{1,2}/|[A-Za-z]:[\\\\/]).*+", Pattern.DOTALL);
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,100}+");
    private static final List<String> SECRET_REFERENCES = List.of("arn:aws:secretsmanager:", "arn:aws:ssm:",
            "vault:", "secretsmanager:", "keyvault:", "file:", "env:");

    /** Values shorter than this (letters and digits) are too short to be worth calling a credential. */
    private static final int SHORTEST_CREDENTIAL = 4;
    /** Text assigned to a credential name in free text counts from this length. */
    private static final int SHORTEST_ASSIGNED = 8;

    private SecretDetector() {
    }

    /** Every pattern the detector runs, for the test that feeds them pathological input. */
    static List<Pattern> patterns() {
        return List.of(PRIVATE_KEY, AUTH_SCHEME, AUTH_SCHEME_IN_TEXT, ASSIGNMENT, TOKEN_SEPARATORS, TOKEN_CHARACTERS,
                BASE64, HEX, PATH, ENVIRONMENT_NAME);
    }

    /**
     * @param field     what the string is to its field
     * @param fieldName the credential's name, when known (an AWS secret key is recognised by it)
     */
    static Optional<Detection> detect(String value, Field field, String fieldName) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (hasPrivateKey(value)) {
            return found(SecretKind.PRIVATE_KEY, "");
        }
        Optional<SecretKind> known = TokenShapes.find(value);
        if (known.isPresent()) {
            return found(known.get(), "");
        }
        if (TokenShapes.hasAwsSecretKey(value, fieldName)) {
            return found(SecretKind.AWS_SECRET_ACCESS_KEY, "");
        }
        String text = Placeholders.strip(value);
        Optional<Detection> inUrl = UrlCredentials.find(text);
        if (inUrl.isPresent()) {
            return inUrl;
        }
        if (field == Field.CREDENTIAL) {
            Optional<SecretKind> credential = credentialValue(text);
            if (credential.isPresent()) {
                return found(credential.get(), "");
            }
        } else if (field == Field.CREDENTIAL_CHOICE && hasRandomToken(text, Bar.CREDENTIAL)) {
            return found(SecretKind.HIGH_ENTROPY, "");
        }
        Optional<Detection> assigned = assignedCredential(text);
        if (assigned.isPresent()) {
            return assigned;
        }
        Optional<SecretKind> afterScheme = afterAuthScheme(text);
        if (afterScheme.isPresent()) {
            return found(afterScheme.get(), "");
        }
        return hasRandomToken(text, Bar.ANY) ? found(SecretKind.HIGH_ENTROPY, "") : Optional.empty();
    }

    /**
     * The value of a field that holds nothing but a credential: found unless it is a placeholder, a reference (a
     * path, a URL, a secret manager's address, a variable's name) or too short to be one.
     */
    static Optional<SecretKind> credentialValue(String stripped) {
        String value = unquote(stripped.trim());
        Matcher scheme = AUTH_SCHEME.matcher(value);
        if (scheme.matches()) {
            value = scheme.group(2).trim();
            if (scheme.group(1).equalsIgnoreCase("basic") && isBasicCredentials(value)) {
                return Optional.of(SecretKind.BASIC_CREDENTIALS);
            }
        }
        if (!isCredential(value)) {
            return Optional.empty();
        }
        return Optional.of(hasRandomToken(value, Bar.CREDENTIAL) ? SecretKind.HIGH_ENTROPY : SecretKind.CREDENTIAL_VALUE);
    }

    /** Neither a placeholder nor a reference nor too short. */
    static boolean isCredential(String value) {
        if (value.isEmpty() || alphanumerics(value) < SHORTEST_CREDENTIAL || Placeholders.isPlaceholderValue(value)) {
            return false;
        }
        return !isReference(value);
    }

    private static boolean isReference(String value) {
        if (value.contains("://") || PATH.matcher(value).matches()) {
            return true;
        }
        for (String prefix : SECRET_REFERENCES) {
            if (value.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        if (value.startsWith("projects/") && value.contains("/secrets/")) {
            return true;
        }
        return ENVIRONMENT_NAME.matcher(value).matches() && CredentialNames.namesCredentialVariable(value);
    }

    /** {@code password=...}, {@code "apiKey": "..."} in text. */
    private static Optional<Detection> assignedCredential(String text) {
        if (text.indexOf('=') < 0 && text.indexOf(':') < 0) {
            return Optional.empty();
        }
        Matcher m = ASSIGNMENT.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!CredentialNames.namesCredential(name)) {
                continue;
            }
            String value = trimPunctuation(m.group(2));
            if (value.length() >= SHORTEST_ASSIGNED && looksLikeAssignedCredential(value) && isCredential(value)) {
                SecretKind kind = hasRandomToken(value, Bar.CREDENTIAL) ? SecretKind.HIGH_ENTROPY : SecretKind.CREDENTIAL_VALUE;
                return found(kind, "the value assigned to " + quotedName(name));
            }
        }
        return Optional.empty();
    }

    /** In free text a credential, unlike a word, has a digit beside letters or a symbol ({@code P@ss...}). */
    private static boolean looksLikeAssignedCredential(String value) {
        boolean letter = false;
        boolean digit = false;
        boolean symbol = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            letter |= Words.isLower(c) || Words.isUpper(c);
            digit |= Words.isDigit(c);
            symbol |= !Words.isAsciiAlphanumeric(c) && "-_./".indexOf(c) < 0;
        }
        return letter && (digit || symbol) || hasRandomToken(value, Bar.CREDENTIAL);
    }

    private static Optional<SecretKind> afterAuthScheme(String text) {
        Matcher m = AUTH_SCHEME_IN_TEXT.matcher(text);
        while (m.find()) {
            String credential = m.group(2);
            if (m.group(1).equalsIgnoreCase("basic") && isBasicCredentials(credential)) {
                return Optional.of(SecretKind.BASIC_CREDENTIALS);
            }
            if (hasRandomToken(credential, Bar.CREDENTIAL)) {
                return Optional.of(SecretKind.HIGH_ENTROPY);
            }
        }
        return Optional.empty();
    }

    /** A name safe to repeat in a message: short, plain, and no credential itself. */
    static String quotedName(String name) {
        boolean plain = name.length() <= 40 && name.chars().allMatch(c -> c < 128
                && (Words.isAsciiAlphanumeric((char) c) || "_.-".indexOf(c) >= 0));
        return plain && TokenShapes.find(name).isEmpty() && !hasRandomToken(name, Bar.CREDENTIAL)
                ? "'" + name + "'" : "a credential name";
    }

    private static boolean hasPrivateKey(String value) {
        Matcher header = PRIVATE_KEY.matcher(value);
        while (header.find()) {
            StringBuilder body = new StringBuilder();
            int end = Math.min(value.length(), header.end() + LONGEST_PRIVATE_KEY);
            for (int i = header.end(); i < end; i++) {
                char c = value.charAt(i);
                if (c == '\\' && i + 1 < end && value.charAt(i + 1) == 'n') {
                    i++; // a line break written as the two characters \n
                } else if (Words.isAsciiAlphanumeric(c) || c == '+' || c == '/' || c == '=') {
                    body.append(c);
                } else if (!Character.isWhitespace(c)) {
                    break;
                }
            }
            if (body.length() >= 40 && !Placeholders.isPlaceholderToken(body.toString())) {
                return true;
            }
        }
        return false;
    }

    static boolean isBasicCredentials(String credential) {
        if (credential.length() > 2000 || Placeholders.isPlaceholderToken(credential)) {
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
                && !Placeholders.isPlaceholderValue(decoded.substring(colon + 1))
                && decoded.chars().noneMatch(Character::isISOControl);
    }

    /** Whether any token of {@code text} (split at spaces and punctuation) looks random by {@code bar}. */
    static boolean hasRandomToken(String text, Bar bar) {
        for (String token : TOKEN_SEPARATORS.split(text)) {
            if (looksRandom(token, bar)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Long, made of token characters only (no URL, path, prose), with a long unbroken alphanumeric run (so not a
     * dashed word list, nor a UUID whose longest run is 12), characters switching often between lower case, upper
     * case and digits, and a high Shannon entropy; not cut short with an ellipsis (an elided example).
     */
    static boolean looksRandom(String token, Bar bar) {
        if (token.length() < bar.minLength || token.endsWith("...") || !TOKEN_CHARACTERS.matcher(token).matches()
                || PATH.matcher(token).matches() || !bar.hexCounts && HEX.matcher(token).matches()) {
            return false;
        }
        boolean letters = false;
        boolean digits = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            letters |= Words.isLower(c) || Words.isUpper(c);
            digits |= Words.isDigit(c);
        }
        String run = longestRun(token);
        double classChangeRate = classChangeRate(run);
        return letters
                && classChangeRate >= (digits ? bar.minClassChangeRate : bar.minClassChangeRateWithoutDigits)
                && run.length() >= bar.minAlphanumericRun
                && Entropy.shannon(token) >= bar.minBitsPerChar
                && !Placeholders.isPlaceholderToken(token);
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
        return Words.isDigit(c) ? 0 : Words.isUpper(c) ? 1 : Words.isLower(c) ? 2 : 3;
    }

    /**
     * In a token made of the base64 alphabet only, '+' and '/' belong to the run; elsewhere they separate words
     * ({@code owner/Repo2024}) like '-', '_' and '.' do.
     */
    private static boolean isRunCharacter(char c, boolean base64) {
        return Words.isAsciiAlphanumeric(c) || (base64 && (c == '+' || c == '/'));
    }

    private static int alphanumerics(String value) {
        int count = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Words.isAsciiAlphanumeric(value.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1).trim();
        }
        return value;
    }

    private static String trimPunctuation(String value) {
        int end = value.length();
        while (end > 0 && ".,;:!?)".indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(0, end);
    }

    private static Optional<Detection> found(SecretKind kind, String where) {
        return Optional.of(new Detection(kind, where));
    }
}
