package io.mcpgov.registry.classification.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.mcpgov.registry.classification.scan.SecretDetector.Detection;
import io.mcpgov.registry.testing.FakeSecrets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where in a URL a credential is found, and how the URL's escapes are read first. */
class UrlCredentialsTest {

    private final FakeSecrets fake = new FakeSecrets(20261206L);
    private final String token = fake.githubToken("ghp_");
    private final String random = fake.alnum(40);

    private static String where(String text) {
        return UrlCredentials.find(text).map(Detection::where).orElse(null);
    }

    @Test
    void percentEscapesAreReadAsUtf8AndABrokenEscapeStaysAsItIs() {
        assertThat(UrlCredentials.decode("plain")).isEqualTo("plain");
        assertThat(UrlCredentials.decode("a%41b")).isEqualTo("aAb");
        assertThat(UrlCredentials.decode("%41")).isEqualTo("A");
        assertThat(UrlCredentials.decode("x%4a")).isEqualTo("xJ");
        assertThat(UrlCredentials.decode("%C3%A9t%C3%A9")).isEqualTo("été");
        assertThat(UrlCredentials.decode("a+b")).isEqualTo("a+b");
        assertThat(UrlCredentials.decode("100%")).isEqualTo("100%");
        assertThat(UrlCredentials.decode("%4")).isEqualTo("%4");
        assertThat(UrlCredentials.decode("%zz1")).isEqualTo("%zz1");
        assertThat(UrlCredentials.decode("%4G")).isEqualTo("%4G");
        assertThat(UrlCredentials.decode("é%20ü")).isEqualTo("é ü");
    }

    @Test
    void aTokenInACredentialParameterIsFoundEvenWhenEscaped() {
        assertThat(where("https://api.example.com/v1?access_token=" + token)).isEqualTo("query parameter 'access_token'");
        String escaped = token.replace("_", "%5F");
        assertThat(where("https://api.example.com/v1?x=1&access_token=" + escaped)).contains("access_token");
        assertThat(where("https://api.example.com/v1?access%5Ftoken=" + token)).contains("access_token");
        assertThat(where("https://api.example.com/v1?a=1;key=" + token)).isEqualTo("query parameter 'key'");
        assertThat(where("https://api.example.com/v1#sig=" + token)).isEqualTo("query parameter 'sig'");
    }

    @Test
    void aPlaceholderInACredentialParameterIsNoCredential() {
        assertThat(where("https://api.example.com/v1?api_key={api_key}")).isNull();
        assertThat(where("https://api.example.com/v1?key=YOUR_KEY")).isNull();
        assertThat(where("https://api.example.com/v1?page=2&sort=name")).isNull();
    }

    @Test
    void aRandomTokenAnywhereInTheUrlIsFound() {
        assertThat(where("https://api.example.com/hooks/" + random + "/send")).isEqualTo("a URL path segment");
        assertThat(where("https://api.example.com/hooks?id=" + random)).isEqualTo("a query parameter");
        assertThat(where("https://api.example.com/hooks?" + random)).isEqualTo("a query parameter");
        assertThat(where("https://api.example.com/hooks#" + random)).isEqualTo("a query parameter");
        assertThat(where("https://api.example.com/v1/servers/weather/mcp")).isNull();
    }

    @Test
    void userInfoWithAPasswordOrATokenIsFound() {
        assertThat(where("https://user:" + fake.password() + "@git.example.com/repo.git"))
                .isEqualTo("the URL's user-info");
        assertThat(where("https://x-access-token:" + token + "@github.com/o/r.git")).isEqualTo("the URL's user-info");
        assertThat(where("https://" + token + "@github.com/o/r.git")).isEqualTo("the URL's user-info");
        assertThat(where("https://git@github.com/o/r.git")).isNull();
        assertThat(where("https://user:@github.com/o/r.git")).isNull();
    }

    @Test
    void anAtSignAfterTheAuthorityIsNoUserInfo() {
        assertThat(where("https://example.com/users/@someone?tab=1")).isNull();
        assertThat(where("https://example.com?contact=a@b.example")).isNull();
    }

    @Test
    void everyUrlOfTheTextIsReadUpToItsEnd() {
        assertThat(where("see https://example.com/docs and https://api.example.com/v1?access_token=" + token))
                .contains("access_token");
        assertThat(where("\"https://example.com/a\" " + random)).isNull();
        assertThat(where("<https://example.com/a>" + random)).isNull();
        assertThat(where("no url here " + token)).isNull();
        assertThat(where("ends with scheme://")).isNull();
    }

    @Test
    void theKindSaysWhatWasFound() {
        Optional<Detection> found = UrlCredentials.find("https://user:" + fake.password() + "@git.example.com/r");
        assertThat(found).map(Detection::kind).contains(SecretKind.URL_PASSWORD);
        assertThat(UrlCredentials.find("https://api.example.com/hooks/" + random)).map(Detection::kind)
                .contains(SecretKind.HIGH_ENTROPY);
    }

    @Test
    void aUrlWhoseSchemeIsCutOffIsStillRead() {
        assertThat(where("://deploy:" + fake.password() + "@git.example.com/repo.git")).isEqualTo("the URL's user-info");
    }

    @Test
    void userInfoWithAnEmptyUserAndAPasswordIsFound() {
        Optional<Detection> found = UrlCredentials.find("https://:" + fake.password() + "@git.example.com/r");
        assertThat(found).map(Detection::kind).contains(SecretKind.URL_PASSWORD);
    }

    @Test
    void anAtSignRightAfterTheAuthorityDoesNotMakeTheHostUserInfo() {
        assertThat(where("https://a1B2c3D4e5F6g7H8i9J0kL.cloudfront.net/@scope/pkg")).isNull();
    }

    @Test
    void aQueryOrAFragmentRightAfterTheHostIsRead() {
        assertThat(where("https://api.example.com?pwd=" + fake.password())).isEqualTo("query parameter 'pwd'");
        assertThat(where("https://api.example.com#pwd=" + fake.password())).isEqualTo("query parameter 'pwd'");
    }

    @Test
    void aQuestionMarkInsideTheFragmentStartsNoQuery() {
        assertThat(where("https://api.example.com#a=1?pwd=" + fake.password())).isNull();
    }

    @Test
    void aParameterValueOfThreeCharactersIsTooShortForACredential() {
        assertThat(where("https://api.example.com/login?pwd=k7Q")).isNull();
        assertThat(where("https://api.example.com/login?pwd=k7Qz")).isEqualTo("query parameter 'pwd'");
    }

    @Test
    void aUrlInJsonTextEndsAtItsClosingQuote() {
        assertThat(where("{\"url\":\"https://api.example.com/login?pwd=" + fake.password() + "\",\"hint\":\"...\"}"))
                .isEqualTo("query parameter 'pwd'");
    }

    @Test
    void anEscapeWhoseFirstDigitIsZeroIsDecoded() {
        assertThat(UrlCredentials.decode("a%09b")).isEqualTo("a\tb");
        assertThat(UrlCredentials.decode("%0A")).isEqualTo("\n");
    }

    @Test
    void aQueryRightAfterTheHostIsNoPathSegment() {
        assertThat(where("https://api.example.com?id=" + random)).isEqualTo("a query parameter");
    }
}
