package io.mcpgov.registry.classification.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which values and words stand in for a credential, at the edges of each rule. */
class PlaceholdersTest {

    @Test
    void aValueOrTokenWithoutALetterOrDigitIsAPlaceholder() {
        assertThat(Placeholders.isPlaceholderValue("****")).isTrue();
        assertThat(Placeholders.isPlaceholderValue(" -- ")).isTrue();
        assertThat(Placeholders.isPlaceholderToken("****")).isTrue();
        assertThat(Placeholders.isPlaceholderToken("+/+/")).isTrue();
    }

    @Test
    void twoOfTheSameCharacterAreFiller() {
        assertThat(Placeholders.isFillerWord("xx")).isTrue();
        assertThat(Placeholders.isFillerWord("00")).isTrue();
        assertThat(Placeholders.isFillerWord("x7")).isFalse();
        assertThat(Placeholders.isPlaceholderValue("xx-xx-00")).isTrue();
    }

    @Test
    void aSequenceOfFourCharactersIsFiller() {
        assertThat(Placeholders.isFillerWord("6789")).isTrue();
        assertThat(Placeholders.isFillerWord("wxyz")).isTrue();
        assertThat(Placeholders.isPlaceholderValue("wxyz")).isTrue();
        assertThat(Placeholders.isFillerWord("679")).isFalse();
    }

    @Test
    void aSequenceRunsFromNineToZero() {
        assertThat(Placeholders.isFillerWord("7890")).isTrue();
        assertThat(Placeholders.isFillerWord("8902")).as("zero to two is no step").isFalse();
        assertThat(Placeholders.isFillerWord("9121")).as("nine to one and two to one are no steps").isFalse();
    }

    @Test
    void aWordIsASequenceWhenExactlyFourStepsInFiveFollowTheCharacterBefore() {
        assertThat(Placeholders.isFillerWord("123457")).isTrue();
        assertThat(Placeholders.isFillerWord("123479")).isFalse();
    }

    @Test
    void aTellingWordAtTheVeryEndMakesAPlaceholder() {
        assertThat(Placeholders.isPlaceholderValue("Hunter2Secret-here")).isTrue();
        assertThat(Placeholders.isPlaceholderValue("Hunter2Secret")).isFalse();
    }

    @Test
    void withoutItsTellingWordAValueIsAPlaceholderUnlessWhatRemainsIsRandom() {
        // "-" and 18 random characters: 19, shorter than a credential's random token
        assertThat(Placeholders.isPlaceholderValue("your-" + "a1B2c3D4e5F6g7H8i9")).isTrue();
        assertThat(Placeholders.isPlaceholderValue("your-" + "a1B2c3D4e5F6g7H8i9J0")).isFalse();
    }

    @Test
    void aWordOfFourCharactersIsRepetitiveWithTwoDistinctOnes() {
        assertThat(Placeholders.isFillerWord("abab")).isTrue();
        assertThat(Placeholders.isFillerWord("abac")).isFalse();
    }

    @Test
    void aLongerWordIsRepetitiveWithAtMostOneDistinctCharacterInFive() {
        assertThat(Placeholders.isFillerWord("k7k7k7k7k7")).as("2 distinct in 10").isTrue();
        assertThat(Placeholders.isFillerWord("qwkqwkqwkqwkqwk")).as("3 distinct in 15").isTrue();
        assertThat(Placeholders.isFillerWord("qwkqwkqwkqwkqw")).as("3 distinct in 14").isFalse();
    }

    @Test
    void aWordThatStartsWithYourIsFiller() {
        assertThat(Placeholders.isFillerWord("yourkey")).isTrue();
        assertThat(Placeholders.isFillerWord("yours")).isTrue();
        assertThat(Placeholders.isFillerWord("youth")).isFalse();
    }
}
