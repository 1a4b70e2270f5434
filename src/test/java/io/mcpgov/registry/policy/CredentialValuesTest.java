package io.mcpgov.registry.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgov.registry.policy.SecretDetector.Field;
import io.mcpgov.registry.testing.FakeSecrets;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The value of a field named or declared as a credential: anything but a placeholder or a reference is a finding.
 * The placeholder rules are decided here.
 */
class CredentialValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // template spans
            "{api_key}", "Bearer {smithery_api_key}", "${GITHUB_TOKEN}", "$GITHUB_TOKEN", "<YOUR_TOKEN>",
            "Bearer <your-api-key>", "%API_KEY%", "{{token}}", "Basic {credentials}",
            // filler words only
            "your-api-key", "your-api-key-here", "YOUR_API_KEY_HERE", "yourApiKey", "my-secret-token", "api_key",
            "password", "changeme", "change-me", "test", "demo-token", "none", "true", "x-oauth-basic", "admin",
            "REDACTED", "Bearer", "Bearer ...", "token-goes-here", "12345678", "abcdefgh", "0000",
            // repeated characters and masks
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "XXXX-XXXX-XXXX", "***", "****************", "...", "\u2026",
            // telling words, whatever else is around them
            "replace-with-your-key", "insert-key-here", "your_openai_key", "example-password-123", "P@ss-EXAMPLE",
            "sample-key-01", "dummy-secret", "placeholder", "TODO",
            // an elided example
            "abc123...", "Bearer eyJhbGciOiJIUzI1NiJ9..."})
    void placeholdersAreNotCredentials(String value) {
        assertEquals(Optional.empty(), kindOf(value), value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/run/secrets/api_key", "~/.config/app/token", "./secrets/token.txt",
            "C:\\Users\\me\\token.txt", "https://vault.example.com/v1/secret/data/app",
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app-token", "projects/acme/secrets/api-key/versions/1",
            "OPENAI_API_KEY", "GITHUB_PERSONAL_ACCESS_TOKEN", "abc"})
    void referencesAndShortValuesAreNotCredentials(String value) {
        assertEquals(Optional.empty(), kindOf(value), value);
    }

    static Stream<String> credentials() {
        FakeSecrets fake = new FakeSecrets(31);
        return Stream.of(fake.password(), "P@" + "ssw0rd!" + fake.digits(4), "hunter" + fake.digits(2),
                "correct horse battery " + fake.alnum(4), fake.digits(8), fake.alnum(12),
                "3f2b8c1e-9d4a-4e7b-8a6c-" + fake.hex(12), "Bearer " + fake.alnum(10) + fake.digits(3));
    }

    @ParameterizedTest
    @MethodSource("credentials")
    void anythingElseIsACredential(String value) {
        assertTrue(kindOf(value).isPresent(), value);
    }

    @Test
    void aRandomValueIsCalledRandomAndOtherValuesACredential() {
        FakeSecrets fake = new FakeSecrets(32);
        assertEquals(Optional.of(SecretKind.HIGH_ENTROPY), kindOf(fake.alnum(24)));
        assertEquals(Optional.of(SecretKind.CREDENTIAL_VALUE), kindOf(fake.password()));
    }

    @Test
    void basicCredentialsAreRecognised() {
        String credentials = new FakeSecrets(33).basicCredentials();
        assertEquals(Optional.of(SecretKind.BASIC_CREDENTIALS), kindOf("Basic " + credentials));
        assertEquals(Optional.of(SecretKind.BASIC_CREDENTIALS),
                SecretDetector.detect("curl -H 'Authorization: Basic " + credentials + "'", Field.TEXT, null)
                        .map(SecretDetector.Detection::kind));
    }

    @Test
    void theChoicesOfACredentialCountOnlyWhenRandom() {
        FakeSecrets fake = new FakeSecrets(34);
        assertTrue(SecretDetector.detect("cohere", Field.CREDENTIAL_CHOICE, null).isEmpty());
        assertTrue(SecretDetector.detect("ollama (cloud only)", Field.CREDENTIAL_CHOICE, null).isEmpty());
        assertTrue(SecretDetector.detect(fake.alnum(22), Field.CREDENTIAL_CHOICE, null).isPresent());
    }

    @Test
    void inTextACredentialMustBeAssignedToACredentialName() {
        String password = new FakeSecrets(35).password();
        assertTrue(SecretDetector.detect("password=" + password, Field.TEXT, null).isPresent());
        assertTrue(SecretDetector.detect("{\"apiKey\": \"" + password + "\"}", Field.TEXT, null).isPresent());
        assertTrue(SecretDetector.detect("Server=db;Password=" + password + ";", Field.TEXT, null).isPresent());
        assertFalse(SecretDetector.detect("name=" + password, Field.TEXT, null).isPresent());
        assertFalse(SecretDetector.detect(password, Field.TEXT, null).isPresent());
        for (String prose : new String[] {"token: the GitHub token to use", "api_key: required",
                "Authorization: Bearer <token>", "password: at least 8 characters", "max_tokens: 4096",
                "secret: see https://docs.example.com/secrets", "auth: oauth2", "API_KEY=your_key_here"}) {
            assertFalse(SecretDetector.detect(prose, Field.TEXT, null).isPresent(), prose);
        }
    }

    @Test
    void passwordsInUrlsAreFoundAndPlaceholdersThereAreNot() {
        String password = new FakeSecrets(36).password();
        assertEquals(Optional.of(SecretKind.URL_PASSWORD), urlKind("postgres://app:" + password + "@db.example.com/app"));
        assertEquals(Optional.of(SecretKind.CREDENTIAL_VALUE), urlKind("https://api.example.com/v1?password=" + password));
        assertEquals(Optional.empty(), urlKind("postgres://app:{password}@db.example.com/app"));
        assertEquals(Optional.empty(), urlKind("https://token:x-oauth-basic@github.com/o/r.git"));
        assertEquals(Optional.empty(), urlKind("https://api.example.com/v1?api_key=YOUR_API_KEY&format=json"));
        assertEquals(Optional.empty(), urlKind("https://server.smithery.ai/@someone0511/mit-ai-studio-hw3/mcp"));
    }

    private static Optional<SecretKind> urlKind(String url) {
        return SecretDetector.detect(url, Field.TEXT, null).map(SecretDetector.Detection::kind);
    }

    private static Optional<SecretKind> kindOf(String value) {
        return SecretDetector.detect(value, Field.CREDENTIAL, null).map(SecretDetector.Detection::kind);
    }
}
