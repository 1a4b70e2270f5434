package io.mcpgov.registry.publish.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How publish rules split a URL, and which hosts they take for this machine (as inet_aton and the JDK read them). */
class UrlPartsTest {

    private static boolean loopback(String host) {
        return UrlParts.parse("https://" + host + "/mcp").orElseThrow().isLoopback();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.255", "127.0.0.255", "127.1", "127.16777215", "127.0.65535",
            "2130706433", "2147483647", "0x7f.1", "0x7F000001", "0177.0.0.1", "127.0.0.1.", "0.0.0.0", "0", "0x",
            "localhost", "LOCALHOST", "localhost.", "mcp.localhost", "[::1]", "[0:0:0:0:0:0:0:1]", "[::]",
            "[::ffff:127.0.0.1]"})
    void hostsOnThisMachine(String host) {
        assertThat(loopback(host)).as(host).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"128.0.0.1", "126.255.255.255", "10.0.0.1", "127.256.0.1", "127.0.0.256", "127.16777216",
            "127.0.65536", "4294967296", "2147483648", "1.2.3.4.5", "08.0.0.1", "example.com", "localhost.example.com",
            "notlocalhost", "[2001:db8::1]", "[fe80::1%25eth0]", "[:::]", "[fd00::1]", "09", "99999999999999999999"})
    void hostsElsewhere(String host) {
        assertThat(loopback(host)).as(host).isFalse();
    }

    @Test
    void partsOfAUrl() {
        UrlParts parts = UrlParts.parse("HTTPS://user:pw@Mcp.Example.com:8443/a/b?x=1#frag").orElseThrow();
        assertThat(parts.scheme()).isEqualTo("https");
        assertThat(parts.userInfo()).isEqualTo("user:pw");
        assertThat(parts.host()).isEqualTo("mcp.example.com");
        assertThat(parts.path()).isEqualTo("/a/b");
        assertThat(parts.query()).isEqualTo("x=1");
        assertThat(parts.isHttps()).isTrue();
        assertThat(parts.isHttp()).isFalse();

        UrlParts plain = UrlParts.parse("http://[::1]:8080").orElseThrow();
        assertThat(plain.host()).isEqualTo("::1");
        assertThat(plain.path()).isEmpty();
        assertThat(plain.query()).isNull();
        assertThat(plain.userInfo()).isNull();
        assertThat(plain.isHttp()).isTrue();
        assertThat(plain.isHttps()).isFalse();

        UrlParts emptyUser = UrlParts.parse("https://@h.example.com/p").orElseThrow();
        assertThat(emptyUser.userInfo()).isEmpty();
        assertThat(emptyUser.host()).isEqualTo("h.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://:443/x", "https:///x", "https://[]/x", "https://[::1/x", "https://a b.example.com/",
            "mcp.example.com/x", "https//x.example.com", ""})
    void notAnAbsoluteUrlWithAHost(String url) {
        assertThat(UrlParts.parse(url)).as(url).isEmpty();
    }

    @Test
    void nothingToParse() {
        assertThat(UrlParts.parse(null)).isEmpty();
    }
}
