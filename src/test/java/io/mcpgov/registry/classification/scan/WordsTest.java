package io.mcpgov.registry.classification.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names split into the same lower-case words however they are written. */
class WordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"API_KEY", "apiKey", "x-api-key", "APIKey", "--api-key", "ApiKEY"})
    void anAcronymEndsWhereTheNextWordBegins(String name) {
        assertThat(Words.of(name)).containsSubsequence("api", "key");
        assertThat(Words.of(name)).doesNotContain("apikey", "apik");
    }

    @ParameterizedTest
    @ValueSource(strings = {"JSONToken", "HTTPHeader", "OAuth2Token"})
    void anAcronymBeforeACapitalisedWordIsAWordOfItsOwn(String name) {
        assertThat(Words.of(name)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(Words.of(name).get(Words.of(name).size() - 1)).isIn("token", "header");
    }
}
