package io.mcpgov.registry.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoredAnswerTest {

    private static final String VERSION = """
            {"server":{"$schema":"https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",\
            "name":"io.github.acme/weather","description":"Forecasts for agents","version":"1.2.0",\
            "remotes":[{"type":"streamable-http","url":"https://weather.acme.example/mcp"}]},\
            "_meta":{"io.modelcontextprotocol.registry/official":{"status":"active",\
            "publishedAt":"2026-11-02T10:00:00.000000Z","updatedAt":"2026-11-02T10:00:00.000000Z","isLatest":true},\
            "io.mcpgov.registry/governance":{"listed":true,"reasons":[],"authType":"oauth2","apiKeyOnly":false}}}""";

    @Test
    void aSmallAnswerIsKeptCompressedAndReadBackExactly() {
        byte[] answer = VERSION.getBytes(StandardCharsets.UTF_8);
        StoredAnswer stored = StoredAnswer.of(answer);

        assertTrue(stored.storedBytes() < answer.length / 2, "stored " + stored.storedBytes() + " of " + answer.length);
        assertArrayEquals(answer, stored.read());
        assertArrayEquals(answer, stored.read(), "a read leaves the answer in place");
    }

    @Test
    void answersOfEverySizeAndContentAreReadBackExactly() {
        Random random = new Random(7);
        for (int length : new int[] {0, 1, 100, StoredAnswer.COMPRESS_UP_TO, StoredAnswer.COMPRESS_UP_TO + 1, 200_000}) {
            byte[] answer = new byte[length];
            random.nextBytes(answer);
            StoredAnswer stored = StoredAnswer.of(answer);
            assertArrayEquals(answer, stored.read(), length + " random bytes");
        }
    }

    @Test
    void aLargeAnswerIsKeptAsItIs() {
        byte[] answer = ("[" + (VERSION + ",").repeat(40) + "{}]").getBytes(StandardCharsets.UTF_8);
        StoredAnswer stored = StoredAnswer.of(answer);

        assertEquals(answer.length, stored.storedBytes());
        assertArrayEquals(answer, stored.read());
    }
}
