package io.mcpgov.registry.classification.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which names say that their value is a credential: the credential word must end the name. */
class CredentialNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"password", "DB_PASSWORD", "db-passwd", "passphrase", "secret", "clientSecret",
            "client_secret", "JWT_SECRET", "token", "accessToken", "access_token", "GITHUB_TOKEN", "X-Auth-Token",
            "api_key", "apiKey", "APIKey", "x-api-key", "apikey", "OPENAI_API_KEY", "secretKey", "private_key",
            "PRIVATE_KEY", "accessKey", "AWS_SECRET_ACCESS_KEY", "signing-key", "credentials", "auth", "X-Auth",
            "BASIC_AUTH", "Authorization", "GITHUB_PAT", "DB_PASS", "session_cookie", "TOKEN_2", "refreshToken"})
    void credentialNames(String name) {
        assertTrue(CredentialNames.namesCredential(name), name);
        assertTrue(CredentialNames.namesCredentialVariable(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tokenizer", "max_tokens", "maxTokens", "keyword", "keywords", "token_url", "tokenUrl",
            "TOKEN_ENDPOINT", "password_file", "GOOGLE_APPLICATION_CREDENTIALS_PATH", "secret_name", "auth_type",
            "MCP_AUTH_MODE", "authenticator", "author", "authors", "OAuth", "oauth", "next_page_token", "pageToken",
            "max_token", "token_count", "key", "cache_key", "public_key", "PUBLIC_KEY", "primaryKey", "key_id",
            "ACCESS_KEY_ID", "DOCSPACE_OAUTH_AUTH_TOKEN_ALGORITHM", "DOCSPACE_REQUEST_AUTHORIZATION_HEADER",
            "passport", "bypass", "secretary", "PWD", "--pass", "", "description"})
    void otherNames(String name) {
        assertFalse(CredentialNames.namesCredential(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OPENAI_KEY", "MAPS_KEY", "LICENSE_KEY", "--openai-key"})
    void anyKeyVariableIsACredentialUnlessAWordSaysOtherwise(String name) {
        assertTrue(CredentialNames.namesCredentialVariable(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUBLIC_KEY", "CACHE_KEY", "PARTITION_KEY", "S3_KEY", "KEY"})
    void keyVariablesThatAreNotCredentials(String name) {
        assertFalse(CredentialNames.namesCredentialVariable(name), name);
    }

    @Test
    void noNameIsNoCredentialHeader() {
        assertFalse(CredentialNames.isCredentialHeader(null));
        assertTrue(CredentialNames.isCredentialHeader(" X-Auth-User "));
    }

    @Test
    void aNameOfUpTo200CharactersIsRead() {
        String longest = "a".repeat(194) + "_token";
        assertEquals(200, longest.length());
        assertTrue(CredentialNames.namesCredential(longest));
        assertFalse(CredentialNames.namesCredential("a" + longest));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--", "2024", "_2_", "0x"})
    void aNameWithoutAWordOtherThanDigitsNamesNoCredential(String name) {
        assertFalse(CredentialNames.namesCredential(name), name);
        assertFalse(CredentialNames.namesCredentialVariable(name), name);
    }
}
