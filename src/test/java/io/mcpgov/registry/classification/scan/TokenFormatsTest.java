package io.mcpgov.registry.classification.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgov.registry.classification.scan.SecretDetector.Field;
import io.mcpgov.registry.testing.FakeSecrets;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each known credential format is recognised wherever it is written, and its look-alikes are not. */
class TokenFormatsTest {

    /** The one-line formats: a PEM private key spans lines and cannot sit in brackets, a URL or after a scheme. */
    static Stream<Arguments> oneLineFormats() {
        return formats().filter(a -> a.get()[1] != SecretKind.PRIVATE_KEY);
    }

    static Stream<Arguments> formats() {
        FakeSecrets fake = new FakeSecrets(20251218L);
        return Stream.of(
                Arguments.of(fake.githubToken("ghp_"), SecretKind.GITHUB_TOKEN),
                Arguments.of(fake.githubToken("gho_"), SecretKind.GITHUB_TOKEN),
                Arguments.of(fake.githubToken("ghu_"), SecretKind.GITHUB_TOKEN),
                Arguments.of(fake.githubToken("ghs_"), SecretKind.GITHUB_TOKEN),
                Arguments.of(fake.githubToken("ghr_"), SecretKind.GITHUB_TOKEN),
                Arguments.of(fake.githubFineGrained(), SecretKind.GITHUB_FINE_GRAINED_TOKEN),
                Arguments.of(fake.openAiKey(), SecretKind.OPENAI_KEY),
                Arguments.of("sk-" + fake.alnum(48), SecretKind.OPENAI_KEY),
                Arguments.of(fake.anthropicKey(), SecretKind.ANTHROPIC_KEY),
                Arguments.of(fake.stripeKey("sk_live_"), SecretKind.STRIPE_KEY),
                Arguments.of(fake.stripeKey("rk_live_"), SecretKind.STRIPE_KEY),
                Arguments.of(fake.slackToken("xoxb-"), SecretKind.SLACK_TOKEN),
                Arguments.of(fake.slackToken("xoxp-"), SecretKind.SLACK_TOKEN),
                Arguments.of(fake.slackToken("xoxa-"), SecretKind.SLACK_TOKEN),
                Arguments.of(fake.slackToken("xapp-1-"), SecretKind.SLACK_TOKEN),
                Arguments.of(fake.awsKeyId("AKIA"), SecretKind.AWS_ACCESS_KEY_ID),
                Arguments.of(fake.awsKeyId("ASIA"), SecretKind.AWS_ACCESS_KEY_ID),
                Arguments.of(fake.googleKey(), SecretKind.GOOGLE_API_KEY),
                Arguments.of(fake.gitlabToken(), SecretKind.GITLAB_TOKEN),
                Arguments.of(fake.npmToken(), SecretKind.NPM_TOKEN),
                Arguments.of(fake.jwt(), SecretKind.JWT),
                Arguments.of(fake.pemPrivateKey(), SecretKind.PRIVATE_KEY),
                Arguments.of(fake.pemPrivateKey().replace("\n", "\\n").replace("BEGIN PRIVATE", "BEGIN RSA PRIVATE"),
                        SecretKind.PRIVATE_KEY));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aFormatIsFoundAsAWholeValue(String secret, SecretKind kind) {
        assertEquals(Optional.of(kind), kindOf(secret, Field.TEXT));
        assertEquals(Optional.of(kind), kindOf(secret, Field.CREDENTIAL));
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aFormatIsFoundInsideText(String secret, SecretKind kind) {
        assertEquals(Optional.of(kind), kindOf("Try it with " + secret + ", then revoke it.", Field.TEXT));
        assertEquals(Optional.of(kind), kindOf("[" + secret + "]", Field.TEXT));
    }

    @ParameterizedTest
    @MethodSource("oneLineFormats")
    void aFormatIsFoundEvenInsideTheBracketsOfAPlaceholder(String secret, SecretKind kind) {
        assertEquals(Optional.of(kind), kindOf("<e.g. " + secret + ">", Field.TEXT));
    }

    @ParameterizedTest
    @MethodSource("oneLineFormats")
    void aFormatIsFoundAfterAnAuthScheme(String secret, SecretKind kind) {
        assertEquals(Optional.of(kind), kindOf("Bearer " + secret, Field.CREDENTIAL));
    }

    @ParameterizedTest
    @MethodSource("oneLineFormats")
    void aFormatIsFoundInAUrl(String secret, SecretKind kind) {
        assertEquals(Optional.of(kind), kindOf("https://x-access-token:" + secret + "@github.com/o/r.git", Field.TEXT));
        assertEquals(Optional.of(kind), kindOf("https://mcp.example.com/" + secret + "/sse", Field.TEXT));
        assertEquals(Optional.of(kind), kindOf("https://example.com/?access_token=" + secret, Field.TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS_SECRET_ACCESS_KEY", "aws_secret_access_key", "SecretAccessKey", "awsSecret"})
    void anAwsSecretKeyIsFoundInAFieldNamedForIt(String name) {
        String key = new FakeSecrets(1).awsSecretKey();
        assertEquals(Optional.of(SecretKind.AWS_SECRET_ACCESS_KEY),
                SecretDetector.detect(key, Field.CREDENTIAL, name).map(SecretDetector.Detection::kind));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws_secret_access_key = %s", "export AWS_SECRET_ACCESS_KEY=%s", "secret: %s",
            "\"SecretAccessKey\": \"%s\""})
    void anAwsSecretKeyIsFoundAfterItsNameInText(String template) {
        String key = new FakeSecrets(2).awsSecretKey();
        assertEquals(Optional.of(SecretKind.AWS_SECRET_ACCESS_KEY), kindOf(template.formatted(key), Field.TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sk-learn-compatible-model-v2-for-embedding", // a word list after sk-
            "task-0123456789-abcdefghij-klmnop", // sk- inside a word
            "ghp_short1", "AKIA1234", "xoxb-your-token-here", "AIzaSyExample",
            "eyJhbGciOiJIUzI1NiJ9", // a JWT header alone
            "eyJzM1VybCI6Imh0dHBzOi8vczMu...", // an elided example
            "-----BEGIN PUBLIC KEY-----", "0123456789abcdef0123456789abcdef01234567"})
    void lookAlikesAreNotCredentials(String text) {
        assertEquals(Optional.empty(), kindOf(text, Field.TEXT), text);
    }

    /** Built at run time, so that no secret scanner run over the repository takes them for credentials. */
    static Stream<String> placeholdersInKnownFormats() {
        return Stream.of("ghp_" + "X".repeat(36), "ghp_" + "1234567890abcdefghij1234567890abcdef",
                "AKIA" + "X".repeat(16), "AKIA" + "IOSFODNN7" + "EXAMPLE", "sk-" + "x".repeat(40),
                "sk-your-key-goes-here-1234567890", "sk-proj-" + "YOUR_PROJECT_KEY_1234567890abcdef",
                "sk_live_" + "x".repeat(24), "glpat-" + "x".repeat(20), "xoxb-" + "0".repeat(10) + "-" + "0".repeat(10)
                        + "-" + "x".repeat(12), "-----BEGIN " + "PRIVATE KEY-----\\nMIIEv...\\n-----END PRIVATE KEY-----");
    }

    @ParameterizedTest
    @MethodSource("placeholdersInKnownFormats")
    void placeholdersInAKnownFormatAreNotCredentials(String text) {
        assertEquals(Optional.empty(), kindOf(text, Field.TEXT), text);
        assertEquals(Optional.empty(), kindOf(text, Field.CREDENTIAL), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXAMPLE", "_example", "-your-key"})
    void aRealTokenWithATellingWordAppendedIsStillFound(String suffix) {
        String token = new FakeSecrets(3).githubToken("ghp_");
        assertTrue(kindOf(token + suffix, Field.TEXT).isPresent(), token + suffix);
    }

    private static Optional<SecretKind> kindOf(String value, Field field) {
        return SecretDetector.detect(value, field, null).map(SecretDetector.Detection::kind);
    }

    @Test
    void anAwsSecretKeyMixesUpperCaseLowerCaseAndDigits() {
        String key = "q7Rw2KmZ9xTb4Nf8Hj3Lp6Vd" + "/" + "Gs1Yc5Ek0" + "+" + "Ua7Po";
        assertEquals(40, key.length());
        assertTrue(TokenShapes.hasAwsSecretKey(key, "aws_secret_access_key"));
        assertFalse(TokenShapes.hasAwsSecretKey(key.replaceAll("[0-9]", "x"), "aws_secret_access_key"), "no digit");
        assertFalse(TokenShapes.hasAwsSecretKey(key.toUpperCase(Locale.ROOT), "aws_secret_access_key"), "no lower case");
        assertFalse(TokenShapes.hasAwsSecretKey(key.toLowerCase(Locale.ROOT), "aws_secret_access_key"), "no upper case");
    }

    @Test
    void everyKindsIdIsItsNameInKebabCase() {
        for (SecretKind kind : SecretKind.values()) {
            assertEquals(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), kind.id());
        }
        assertEquals("aws-secret-access-key", SecretKind.AWS_SECRET_ACCESS_KEY.id());
    }

    @Test
    void everyKindIsDescribedForMessages() {
        for (SecretKind kind : SecretKind.values()) {
            assertFalse(kind.description().isBlank(), kind.name());
        }
        assertEquals("a PEM private key", SecretKind.PRIVATE_KEY.description());
    }
}
