package io.mcpgov.registry.classification.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.classification.scan.SecretDetector.Bar;
import io.mcpgov.registry.classification.scan.SecretDetector.Detection;
import io.mcpgov.registry.classification.scan.SecretDetector.Field;
import io.mcpgov.registry.testing.FakeSecrets;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The detector's own decisions, one heuristic at a time, at the edges where each one turns. */
class SecretDetectorTest {

    private final FakeSecrets fake = new FakeSecrets(61206L);

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<SecretKind> inText(String text) {
        return SecretDetector.detect(text, Field.TEXT, null).map(Detection::kind);
    }

    @Test
    void aNameIsRepeatedInAMessageOnlyWhenShortPlainAndNoCredentialItself() {
        assertThat(SecretDetector.quotedName("api_key")).isEqualTo("'api_key'");
        assertThat(SecretDetector.quotedName("x-api.key_2")).isEqualTo("'x-api.key_2'");
        assertThat(SecretDetector.quotedName("a".repeat(40))).isEqualTo("'" + "a".repeat(40) + "'");
        assertThat(SecretDetector.quotedName("a".repeat(41))).isEqualTo("a credential name");
        assertThat(SecretDetector.quotedName("clé")).isEqualTo("a credential name");
        assertThat(SecretDetector.quotedName("api key")).isEqualTo("a credential name");
        assertThat(SecretDetector.quotedName("token$")).isEqualTo("a credential name");
        assertThat(SecretDetector.quotedName(fake.githubToken("ghp_"))).isEqualTo("a credential name");
        assertThat(SecretDetector.quotedName(fake.alnum(32))).isEqualTo("a credential name");
    }

    @Test
    void basicCredentialsAreAUserAndAPasswordInBase64() {
        assertThat(SecretDetector.isBasicCredentials(base64("deploy:" + fake.password()))).isTrue();
        assertThat(SecretDetector.isBasicCredentials(base64("u:p"))).isTrue();
        assertThat(SecretDetector.isBasicCredentials(base64("deploy:"))).as("no password").isFalse();
        assertThat(SecretDetector.isBasicCredentials(base64(":" + fake.password()))).as("no user").isFalse();
        assertThat(SecretDetector.isBasicCredentials(base64("no colon at all"))).isFalse();
        assertThat(SecretDetector.isBasicCredentials(base64("u:p\u0007"))).as("a control character").isFalse();
        assertThat(SecretDetector.isBasicCredentials(base64("deploy:<password>"))).as("a placeholder").isFalse();
        assertThat(SecretDetector.isBasicCredentials("not base64!")).isFalse();
        assertThat(SecretDetector.isBasicCredentials(base64("u:") .replace("=", "") + "\u00ff")).isFalse();
    }

    @Test
    void basicCredentialsAreReadUpTo2000Characters() {
        String longest = base64("u:" + fake.alnum(1498));
        assertThat(longest).hasSize(2000);
        assertThat(SecretDetector.isBasicCredentials(longest)).isTrue();
        String longer = base64("u:" + fake.alnum(1501));
        assertThat(longer.length()).isGreaterThan(2000);
        assertThat(SecretDetector.isBasicCredentials(longer)).isFalse();
    }

    @Test
    void aPrivateKeyNeedsItsHeaderAndABodyOfAtLeastFortyCharacters() {
        String body40 = fake.alnum(40);
        assertThat(inText("-----BEGIN PRIVATE KEY-----\n" + body40 + "\n-----END PRIVATE KEY-----"))
                .contains(SecretKind.PRIVATE_KEY);
        assertThat(inText("-----BEGIN RSA PRIVATE KEY-----\\n" + body40.substring(0, 20) + "\\n"
                + body40.substring(20) + "\\n-----END RSA PRIVATE KEY-----")).contains(SecretKind.PRIVATE_KEY);
        assertThat(inText("-----BEGIN PRIVATE KEY-----\n" + fake.alnum(39) + "\n-----END PRIVATE KEY-----"))
                .isNotEqualTo(Optional.of(SecretKind.PRIVATE_KEY));
        assertThat(inText("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----"))
                .isNotEqualTo(Optional.of(SecretKind.PRIVATE_KEY));
        assertThat(inText("-----BEGIN PUBLIC KEY-----\n" + body40 + "\n-----END PUBLIC KEY-----"))
                .isNotEqualTo(Optional.of(SecretKind.PRIVATE_KEY));
        assertThat(inText("-----BEGIN PRIVATE KEY----- " + "x".repeat(60))).isNotEqualTo(Optional.of(SecretKind.PRIVATE_KEY));
        assertThat(inText("-----BEGIN PRIVATE KEY-----\n" + body40.substring(0, 10) + "!" + body40.substring(10)))
                .as("the body ends at the first character a key never has")
                .isNotEqualTo(Optional.of(SecretKind.PRIVATE_KEY));
    }

    @Test
    void aValueAssignedToACredentialNameInTextIsFoundWhenItLooksLikeOne() {
        assertThat(inText("connect with password=" + "Sup3rSecret9")).contains(SecretKind.CREDENTIAL_VALUE);
        assertThat(inText("connect with password: P@ssphrase")).contains(SecretKind.CREDENTIAL_VALUE);
        assertThat(inText("\"apiKey\": \"" + fake.alnum(32) + "\"")).contains(SecretKind.HIGH_ENTROPY);
        assertThat(inText("password=Secret1")).as("shorter than eight").isEmpty();
        assertThat(inText("password=Secret12")).as("eight").contains(SecretKind.CREDENTIAL_VALUE);
        assertThat(inText("password=onlyletters")).as("a word").isEmpty();
        assertThat(inText("password=12345678")).as("no letter").isEmpty();
        assertThat(inText("password=some-path.name_x")).as("only separators beside letters").isEmpty();
        assertThat(inText("colour=Blue2024x")).as("not a credential name").isEmpty();
        assertThat(inText("password=${DB_PASSWORD}")).as("a placeholder").isEmpty();
        assertThat(inText("set the password in the console")).isEmpty();
    }

    @Test
    void aCredentialAfterAnAuthorizationSchemeInTextIsFound() {
        assertThat(inText("send Authorization: Basic " + base64("deploy:" + fake.password())))
                .contains(SecretKind.BASIC_CREDENTIALS);
        assertThat(inText("send Authorization: Bearer " + fake.alnum(40))).contains(SecretKind.HIGH_ENTROPY);
        assertThat(inText("send Authorization: Bearer <token>")).isEmpty();
    }

    @Test
    void aCredentialFieldHoldsACredentialUnlessItIsAReference() {
        assertThat(SecretDetector.credentialValue("Basic " + base64("deploy:" + fake.password())))
                .contains(SecretKind.BASIC_CREDENTIALS);
        assertThat(SecretDetector.credentialValue("'hunter2!x'")).contains(SecretKind.CREDENTIAL_VALUE);
        assertThat(SecretDetector.credentialValue("k7Q")).isEmpty();
        assertThat(SecretDetector.credentialValue("k7Qz")).contains(SecretKind.CREDENTIAL_VALUE);
        assertThat(SecretDetector.credentialValue("vault:secret/data/db")).isEmpty();
        assertThat(SecretDetector.credentialValue("projects/p/secrets/db/versions/1")).isEmpty();
        assertThat(SecretDetector.credentialValue("/run/secrets/db")).isEmpty();
        assertThat(SecretDetector.credentialValue("DB_PASSWORD")).isEmpty();
        assertThat(SecretDetector.isCredential("")).isFalse();
    }

    // The random-token measure, each threshold of the credential bar taken exactly at its value.

    @Test
    void aClassChangeRateOfExactlyAQuarterIsRandomEnoughWhenTheTokenHasDigits() {
        // 21 characters in six runs of one class: 5 changes over 20 steps
        assertThat(SecretDetector.looksRandom("qwmzk" + "4826" + "RTX" + "hjdn" + "93" + "bvc", Bar.CREDENTIAL)).isTrue();
        // 21 characters in four runs: 3 changes over 20 steps
        assertThat(SecretDetector.looksRandom("qwmzk" + "4826" + "RTX" + "hjdnbvcpy", Bar.CREDENTIAL)).isFalse();
    }

    @Test
    void aClassChangeRateOfExactlyFourTenthsIsRandomEnoughForATokenWithoutDigits() {
        // 21 letters in nine runs of one case: 8 changes over 20 steps
        assertThat(SecretDetector.looksRandom("qwmz" + "RT" + "kf" + "XV" + "hj" + "BN" + "dp" + "GL" + "cvy", Bar.CREDENTIAL))
                .isTrue();
        // 21 letters in eight runs: 7 changes over 20 steps
        assertThat(SecretDetector.looksRandom("qwmz" + "RT" + "kf" + "XV" + "hj" + "BN" + "dp" + "GLCVY", Bar.CREDENTIAL))
                .isFalse();
    }

    @Test
    void anAlphanumericRunOfExactlySixteenIsLongEnoughForACredential() {
        assertThat(SecretDetector.looksRandom("a1B2c3D4e5F6g7H8" + "-x9k", Bar.CREDENTIAL)).isTrue();
        assertThat(SecretDetector.looksRandom("a1B2c3D4e5F6g7H" + "-x9kz", Bar.CREDENTIAL)).isFalse();
        assertThat(SecretDetector.looksRandom("x9kz-" + "a1B2c3D4e5F6g7H", Bar.CREDENTIAL))
                .as("the run after a separator starts after it").isFalse();
    }

    @Test
    void ofTwoRunsOfTheSameLengthTheFirstIsMeasured() {
        assertThat(SecretDetector.looksRandom("a1B2c3D4e5F6g7H8" + "-" + "qwhfmzkrtplsdgvn", Bar.CREDENTIAL)).isTrue();
        assertThat(SecretDetector.looksRandom("qwhfmzkrtplsdgvn" + "-" + "a1B2c3D4e5F6g7H8", Bar.CREDENTIAL)).isFalse();
    }

    @Test
    void anEntropyOfExactlyThreeBitsPerCharacterIsRandomEnoughForACredential() {
        // eight characters, each three times
        String eightSymbols = "qR4wT7k9" + "Tq9Rk4w7" + "w9kTq7R4";
        assertThat(Entropy.shannon(eightSymbols)).isEqualTo(3.0);
        assertThat(SecretDetector.looksRandom(eightSymbols, Bar.CREDENTIAL)).isTrue();
    }

    @Test
    void aTokenWithoutALetterIsNotRandom() {
        String digitsAndSymbols = "8+3/51+9/27+40/6+1/93";
        assertThat(SecretDetector.looksRandom(digitsAndSymbols, Bar.CREDENTIAL)).isFalse();
        assertThat(SecretDetector.looksRandom(digitsAndSymbols.replace('6', 'c'), Bar.CREDENTIAL))
                .as("the same with one letter").isTrue();
    }

    @Test
    void hexCountsInACredentialFieldButNotInAnyString() {
        String hex = "3fA9c0E7b2D81aF64e5C9d0B7a3E2f1c";
        assertThat(SecretDetector.looksRandom(hex, Bar.CREDENTIAL)).isTrue();
        assertThat(SecretDetector.looksRandom(hex, Bar.ANY)).isFalse();
        assertThat(SecretDetector.looksRandom(hex.replace('3', 'g'), Bar.ANY)).as("no longer hex").isTrue();
    }

    @Test
    void inABase64TokenPlusAndSlashJoinTheRunAndAreAClassOfTheirOwn() {
        assertThat(SecretDetector.looksRandom("a1B2c3D4e5" + "+" + "F6g7H8i9J", Bar.CREDENTIAL)).isTrue();
        assertThat(SecretDetector.looksRandom("a1B2c3D4e5" + "/" + "F6g7H8i9J", Bar.CREDENTIAL)).isTrue();
        // lower-case letters and symbols only: every change of class is between a letter and a symbol
        assertThat(SecretDetector.looksRandom("qa+wd/kf+mz/hj+rt/vnpy", Bar.CREDENTIAL)).isTrue();
    }

    @Test
    void inAnyOtherTokenASlashSeparatesWords() {
        assertThat(SecretDetector.looksRandom("a1B2c3D4e5" + "/" + "F6g7H8i9J" + "-k", Bar.CREDENTIAL)).isFalse();
        assertThat(SecretDetector.looksRandom("a1B2c3D4e5" + "+" + "F6g7H8i9J" + "-k", Bar.CREDENTIAL)).isFalse();
    }

    // Text around the value: quotes, trailing punctuation, where an assignment may start.

    @Test
    void aQuoteThatIsNotClosedStaysPartOfTheValue() {
        assertThat(SecretDetector.credentialValue("'k7Qz")).contains(SecretKind.CREDENTIAL_VALUE);
        assertThat(SecretDetector.credentialValue("'k7Qz'")).contains(SecretKind.CREDENTIAL_VALUE);
        assertThat(SecretDetector.credentialValue("'k7Q'")).isEmpty();
    }

    @Test
    void punctuationAfterAnAssignedValueEndsTheSentenceNotTheValue() {
        assertThat(inText("password=Secret1.")).as("seven characters and a full stop").isEmpty();
        assertThat(inText("password=Secret12.")).contains(SecretKind.CREDENTIAL_VALUE);
        assertThat(inText("password=Secret1!?)")).isEmpty();
        assertThat(inText("password=....")).as("punctuation only").isEmpty();
        assertThat(inText("password=?!")).isEmpty();
    }

    @Test
    void anAssignmentIsFoundWhenTheTextStartsWithAnEqualsSignOrAColon() {
        assertThat(inText("=> password=Secret12")).contains(SecretKind.CREDENTIAL_VALUE);
        assertThat(inText(": password: Secret12")).contains(SecretKind.CREDENTIAL_VALUE);
    }

    @Test
    void digitsAloneAssignedToACredentialNameAreNoCredentialInText() {
        assertThat(inText("password=80417395")).isEmpty();
        assertThat(inText("password=80417395a")).contains(SecretKind.CREDENTIAL_VALUE);
        assertThat(inText("password=QWMZKRTP1")).as("upper-case letters count as letters")
                .contains(SecretKind.CREDENTIAL_VALUE);
    }

    @Test
    void aTokenAfterAnAuthSchemeIsHeldToTheCredentialBarNotTheBarOfAnyString() {
        String token = fake.alnum(24);
        assertThat(SecretDetector.looksRandom(token, Bar.ANY)).isFalse();
        assertThat(inText("send Authorization: Bearer " + token)).contains(SecretKind.HIGH_ENTROPY);
        assertThat(inText("send " + token)).isEmpty();
    }

    @Test
    void aPrivateKeyBodyMayEndWithABackslash() {
        assertThat(inText("-----BEGIN PRIVATE KEY-----\n" + fake.alnum(40) + "\\"))
                .contains(SecretKind.PRIVATE_KEY);
    }
}
