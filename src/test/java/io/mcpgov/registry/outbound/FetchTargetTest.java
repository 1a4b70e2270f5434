package io.mcpgov.registry.outbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FetchTargetTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://2130706433/",          // decimal 127.0.0.1
            "https://0177.0.0.1/",          // octal
            "https://0x7f000001/",          // hex
            "https://0x7f.0.0.1/",          // dotted hex
            "https://127.1/",               // short form
            "https://017700000001/",        // octal, one part
            "https://08.0.0.1/",            // invalid octal that some parsers read as decimal
            "https://3232235777/",          // decimal 192.168.1.1
            "https://0xA9FEA9FE/",          // hex 169.254.169.254
            "https://127.0.0.1./",          // trailing dot
            "https://010.0.0.1/",           // leading zero
    })
    void nonCanonicalNumericHostsAreRefused(String url) {
        assertThrows(UrlRefusedException.class, () -> FetchTarget.parse(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ftp://example.com/", "file:///etc/passwd", "gopher://example.com/", "example.com/mcp", "",
            "https://user:secret@example.com/", "https://user@example.com/", "https:///nohost",
            "https://exa_mple.com/", "https://example.com:0/", "https://[fe80::1%25eth0]/",
    })
    void malformedOrUnsupportedUrlsAreRefused(String url) {
        assertThrows(UrlRefusedException.class, () -> FetchTarget.parse(url));
    }

    @Test
    void nullIsRefused() {
        assertThrows(UrlRefusedException.class, () -> FetchTarget.parse(null));
    }

    @Test
    void hostNameUrl() throws Exception {
        FetchTarget target = FetchTarget.parse("https://MCP.Example.com/api/mcp?x=1#frag");
        assertEquals("mcp.example.com", target.host());
        assertEquals(443, target.port());
        assertTrue(target.https());
        assertEquals("/api/mcp?x=1", target.pathAndQuery());
        assertNull(target.literal());
        assertEquals("https://mcp.example.com:443", target.origin());
    }

    @Test
    void canonicalLiterals() throws Exception {
        FetchTarget v4 = FetchTarget.parse("http://127.0.0.1:8080");
        assertNotNull(v4.literal());
        assertEquals("127.0.0.1", v4.host());
        assertEquals(8080, v4.port());
        assertEquals("/", v4.pathAndQuery());

        FetchTarget v6 = FetchTarget.parse("https://[::ffff:127.0.0.1]/mcp");
        assertNotNull(v6.literal());
        assertTrue(v6.literal().isIPv6());
        assertEquals(AddressCategory.LOOPBACK, AddressClassifier.classify(v6.literal()));
    }
}
