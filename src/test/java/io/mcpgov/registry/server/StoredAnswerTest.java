package io.mcpgov.registry.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StoredAnswerTest {

    private final AnswerCompression compression = new AnswerCompression();

    @Test
    void aSmallAnswerIsKeptCompressedAndReadBackExactly() {
        byte[] answer = version(0);
        StoredAnswer stored = StoredAnswer.of(answer, compression);

        assertTrue(stored.storedBytes() < answer.length, "stored " + stored.storedBytes() + " of " + answer.length);
        assertArrayEquals(answer, stored.read());
        assertArrayEquals(answer, stored.read(), "a read leaves the answer in place");
    }

    @Test
    void answersAreKeptInAFractionOfTheirBytesOnceADictionaryIsLearnt() {
        int before = StoredAnswer.of(version(0), compression).storedBytes();
        learnDictionary();

        byte[] answer = version(1_000_000);
        StoredAnswer stored = StoredAnswer.of(answer, compression);

        assertTrue(stored.storedBytes() * 3 < before, "stored " + stored.storedBytes() + ", before learning " + before);
        assertArrayEquals(answer, stored.read());
    }

    @Test
    void aNewDictionaryIsLearntAfterManyAnswersAndOlderAnswersStillReadBack() {
        learnDictionary();
        byte[] first = compression.dictionary();
        List<byte[]> answers = new ArrayList<>();
        List<StoredAnswer> stored = new ArrayList<>();
        for (int i = 0; i < AnswerCompression.RELEARN_AFTER; i++) {
            answers.add(version(10_000 + i));
            stored.add(StoredAnswer.of(answers.get(i), compression));
        }
        assertSame(first, compression.dictionary(), "kept for " + AnswerCompression.RELEARN_AFTER + " answers");

        learnDictionary();

        assertNotSame(first, compression.dictionary());
        for (int i = 0; i < answers.size(); i++) {
            assertArrayEquals(answers.get(i), stored.get(i).read(), "answer " + i);
        }
    }

    @Test
    void shortAnswersTeachNothing() {
        byte[] empty = "{\"servers\":[],\"metadata\":{\"count\":0}}".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < AnswerCompression.DICTIONARY_BYTES / empty.length + 1; i++) {
            StoredAnswer.of(empty, compression);
        }
        assertEquals(0, compression.dictionary().length);
    }

    @Test
    void answersOfEverySizeAndContentAreReadBackExactly() {
        learnDictionary();
        Random random = new Random(7);
        for (int length : new int[] {0, 1, 100, StoredAnswer.COMPRESS_UP_TO, StoredAnswer.COMPRESS_UP_TO + 1, 200_000}) {
            byte[] answer = new byte[length];
            random.nextBytes(answer);
            StoredAnswer stored = StoredAnswer.of(answer, compression);
            assertArrayEquals(answer, stored.read(), length + " random bytes");
        }
    }

    @Test
    void aLargeAnswerIsKeptAsItIs() {
        byte[] one = version(0);
        byte[] answer = new byte[StoredAnswer.COMPRESS_UP_TO + 1];
        for (int i = 0; i < answer.length; i++) {
            answer[i] = one[i % one.length];
        }
        StoredAnswer stored = StoredAnswer.of(answer, compression);

        assertEquals(answer.length, stored.storedBytes());
        assertArrayEquals(answer, stored.read());
    }

    /** Compresses answers until they make a dictionary. */
    private void learnDictionary() {
        byte[] before = compression.dictionary();
        for (int i = 0; compression.dictionary() == before && i < 2 * AnswerCompression.RELEARN_AFTER; i++) {
            StoredAnswer.of(version(i), compression);
        }
        assertNotSame(before, compression.dictionary(), "a dictionary learnt");
    }

    private static byte[] version(int n) {
        return ("""
                {"server":{"$schema":"https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",\
                "name":"io.github.acme%1$d/weather-%1$d","description":"Forecasts for agents, number %1$d","version":"1.%1$d.0",\
                "remotes":[{"type":"streamable-http","url":"https://weather%1$d.acme.example/mcp"}]},\
                "_meta":{"io.modelcontextprotocol.registry/official":{"status":"active",\
                "publishedAt":"2026-11-02T10:00:00.000000Z","updatedAt":"2026-11-02T10:00:00.000000Z","isLatest":true},\
                "io.mcpgov.registry/governance":{"listed":true,"reasons":[],"authType":"oauth2","apiKeyOnly":false,\
                "auth":{"oauth2":{"resource":"https://weather%1$d.acme.example/mcp","scopesRequired":["forecast:read"],\
                "authorizationServers":["https://login.acme.example/realms/agents"]}}}}}""").formatted(n)
                .getBytes(StandardCharsets.UTF_8);
    }
}
