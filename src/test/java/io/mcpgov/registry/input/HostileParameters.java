package io.mcpgov.registry.input;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Path and query parameter values as they are written in a URL (percent-encoded): NUL, encoded surrogates and invalid
 * UTF-8, lengths up to what the HTTP layer accepts, numbers out of range, and plausible values. Never longer than fits
 * in a request line (4096 bytes).
 */
final class HostileParameters {

    private final Random random;

    HostileParameters(Random random) {
        this.random = random;
    }

    /** A value for a parameter that usually holds {@code plausible} (already encoded). */
    String value(String plausible) {
        return switch (random.nextInt(16)) {
            case 0 -> plausible + "%00";
            case 1 -> "%00";
            case 2 -> "%ED%A0%80"; // an encoded surrogate: not UTF-8
            case 3 -> "%FF%FE" + plausible;
            case 4 -> "%C0%80";
            case 5 -> "a".repeat(List.of(200, 1_024, 1_025, 3_000).get(random.nextInt(4)));
            case 6 -> encode("\uD83D\uDE00".repeat(1 + random.nextInt(200)));
            case 7 -> List.of("", "-1", "0", "99999999999999999999", "1e9", "true", "latest", "..", "%2F", "%25",
                    "a%3Ab", ":", "2026-13-45T99:00:00Z", "2025-01-01T00:00:00Z", "%27%20OR%201%3D1%20--")
                    .get(random.nextInt(15));
            case 8 -> encode(randomText(1 + random.nextInt(100)));
            case 9 -> plausible + encode("\u202e\uFFFF");
            default -> plausible;
        };
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(random.nextBoolean() ? 1 + random.nextInt(0x7f) : 0xA0 + random.nextInt(0xD000));
        }
        return text.toString();
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
