package io.mcpgov.registry.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The raw request target that lets the guard skip decoding: only one from which no refused parameter can be decoded.
 * The HTTP tests (HostileParametersTest) prove the refusals of the targets it leaves to the full check.
 */
class ParameterGuardTest {

    private static final int MAX = 64;

    @Test
    void printableAsciiAndEscapesOfPrintableAsciiArePlain() {
        assertTrue(ParameterGuard.plainTarget("/v0.1/servers?limit=30&search=weather", MAX));
        assertTrue(ParameterGuard.plainTarget("/v0.1/servers/io.github.a%2Fb/versions/1.0.0", MAX));
        assertTrue(ParameterGuard.plainTarget("/x?q=%20%7E%7e%41", MAX));
        assertTrue(ParameterGuard.plainTarget("/x?q=a+b", MAX));
    }

    @Test
    void escapesOfControlCharactersOrOfBytesAboveAsciiAreNotPlain() {
        assertFalse(ParameterGuard.plainTarget("/x?q=%00", MAX));
        assertFalse(ParameterGuard.plainTarget("/x?q=%1F", MAX));
        assertFalse(ParameterGuard.plainTarget("/x?q=%7F", MAX));
        assertFalse(ParameterGuard.plainTarget("/x?q=%80", MAX));
        assertFalse(ParameterGuard.plainTarget("/x?q=%C3%A9", MAX));
        assertFalse(ParameterGuard.plainTarget("/x?q=%ED%A0%80", MAX));
    }

    @Test
    void rawCharactersOutsidePrintableAsciiAreNotPlain() {
        assertFalse(ParameterGuard.plainTarget("/x?q=caf\u00e9", MAX));
        assertFalse(ParameterGuard.plainTarget("/x?q=a b", MAX));
        assertFalse(ParameterGuard.plainTarget("/x?q=a\u0000", MAX));
        assertFalse(ParameterGuard.plainTarget("/x?q=a\u007f", MAX));
        assertFalse(ParameterGuard.plainTarget("/x?q=\ud800", MAX));
    }

    @Test
    void malformedEscapesAreNotPlain() {
        assertFalse(ParameterGuard.plainTarget("/x?q=%", MAX));
        assertFalse(ParameterGuard.plainTarget("/x?q=%4", MAX));
        assertFalse(ParameterGuard.plainTarget("/x?q=%G1", MAX));
        assertFalse(ParameterGuard.plainTarget("/x?q=%1G", MAX));
        // a digit of another script is not a hex digit
        assertFalse(ParameterGuard.plainTarget("/x?q=%2\u0663", MAX));
        assertTrue(ParameterGuard.plainTarget("/x?q=%41", MAX));
    }

    @Test
    void aTargetLongerThanAParameterMayBeIsNotPlain() {
        String exactly = "/x?q=" + "a".repeat(MAX - 5);
        assertEquals(MAX, exactly.length());
        assertTrue(ParameterGuard.plainTarget(exactly, MAX));
        assertFalse(ParameterGuard.plainTarget(exactly + "a", MAX));
        assertFalse(ParameterGuard.plainTarget(null, MAX));
    }

    /** Whatever a plain target decodes to is storable and within the bound: skipping its check refuses nothing. */
    @Test
    void nothingDecodedFromAPlainTargetWouldBeRefused() {
        Random random = new Random(7);
        String alphabet = "/?&=+%aZ09~-._:\u00e9 \u0000";
        String[] escapes = {"%00", "%1f", "%20", "%2F", "%41", "%7e", "%7F", "%80", "%c3%a9", "%ED%A0%80", "%", "%4"};
        int plain = 0;
        for (int run = 0; run < 20_000; run++) {
            StringBuilder target = new StringBuilder("/");
            int parts = 1 + random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                if (random.nextInt(4) == 0) {
                    target.append(escapes[random.nextInt(escapes.length)]);
                } else {
                    target.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String raw = target.toString();
            if (!ParameterGuard.plainTarget(raw, MAX)) {
                continue;
            }
            plain++;
            String decoded = URLDecoder.decode(raw, StandardCharsets.UTF_8);
            assertNull(StorableText.refusedBy(decoded), raw);
            assertTrue(decoded.length() <= MAX, raw);
        }
        assertTrue(plain > 1_000, "too few plain targets generated: " + plain);
    }
}
