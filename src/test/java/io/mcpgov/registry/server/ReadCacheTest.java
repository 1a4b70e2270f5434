package io.mcpgov.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.DatabaseUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ReadCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final FixedFence fence = new FixedFence();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger computed = new AtomicInteger();

    @Test
    void aRepeatedReadIsAnsweredFromMemoryUntilTheCounterMoves() {
        ReadCache cache = cache(1 << 20);

        assertEquals("[\"a\",1]", read(cache, "a"));
        assertEquals("[\"a\",1]", read(cache, "a"));
        fence.generation = 2;
        assertEquals("[\"a\",2]", read(cache, "a"));
        assertEquals("[\"a\",2]", read(cache, "a"));

        assertEquals(2, computed.get());
        assertEquals(2, count("hit"));
        assertEquals(2, count("miss"));
    }

    @Test
    void anAnswerIsNotServedPastItsHorizon() {
        ReadCache cache = cache(1 << 20);
        fence.horizon = NOW.plusSeconds(60);

        read(cache, "a");
        fence.now = NOW.plusSeconds(60);
        read(cache, "a");

        assertEquals(2, computed.get());
    }

    @Test
    void answersDroppedForSpaceAreComputedAgainCorrectly() {
        ReadCache cache = cache(4_000);
        for (int round = 0; round < 3; round++) {
            for (int key = 0; key < 100; key++) {
                String answer = read(cache, "key-" + key);
                assertEquals("[\"key-" + key + "\",", answer.substring(0, answer.indexOf(",") + 1));
            }
        }
        assertEquals(300, count("hit") + count("miss"));
        assertEquals(computed.get(), count("miss"));
        assertTrue(count("miss") > 100, "a hundred answers do not fit in 4,000 bytes: some were dropped and computed again");
    }

    @Test
    void anAnswerReadPastHalfItsAgeIsServedAndRenewedForTheReadsAfter() {
        ReadCache cache = cache(1 << 20);
        assertEquals("[\"a\",1]", read(cache, "a"));

        fence.now = NOW.plus(Duration.ofMinutes(2));
        assertEquals("[\"a\",1]", read(cache, "a"), "before half of max-age: kept, not renewed");
        assertEquals(1, computed.get());

        fence.now = NOW.plus(Duration.ofMinutes(3));
        assertEquals("[\"a\",1]", read(cache, "a"), "the kept answer is still valid and served");
        assertEquals(2, computed.get(), "and computed again behind it");
        assertEquals("[\"a\",2]", read(cache, "a"));
        assertEquals(2, computed.get());

        assertEquals(1, count("miss"));
        assertEquals(3, count("hit"));
        assertEquals(1, count("renewal"));
    }

    @Test
    void anAnswerOfAnOlderCounterIsComputedByTheReadNotRenewed() {
        ReadCache cache = cache(1 << 20);
        read(cache, "a");
        fence.now = NOW.plus(Duration.ofMinutes(4));
        fence.generation = 2;

        assertEquals("[\"a\",2]", read(cache, "a"));
        assertEquals(2, count("miss"));
        assertEquals(0, count("renewal"));
    }

    @Test
    void aWalkThroughCursorPagesDoesNotPushOutTheAnswersAskedForDirectly() {
        ReadCache cache = cache(8_000, 4_000);
        for (int key = 0; key < 20; key++) {
            read(cache, "answer-" + key);
        }
        for (int round = 0; round < 3; round++) {
            for (int page = 0; page < 200; page++) {
                read(cache, ReadCache.Shelf.CURSOR_PAGES, "page-" + page);
            }
        }
        double missesBefore = count("miss");
        for (int key = 0; key < 20; key++) {
            read(cache, "answer-" + key);
        }
        assertEquals(missesBefore, count("miss"), "the twenty answers were all still kept");
    }

    @Test
    void aCursorPageOverwrittenInItsRingIsComputedAgain() {
        ReadCache cache = cache(1 << 20, 200);
        assertEquals("[\"a\",1]", read(cache, ReadCache.Shelf.CURSOR_PAGES, "a"));
        assertEquals("[\"a\",1]", read(cache, ReadCache.Shelf.CURSOR_PAGES, "a"), "kept");
        // three pages of 96 bytes: the third does not fit before the end of the ring and starts over where "a" was,
        // which the shelf, with room to name twice the ring's bytes, still names
        for (int page = 2; page <= 4; page++) {
            read(cache, ReadCache.Shelf.CURSOR_PAGES, String.valueOf(page).repeat(89));
        }

        assertEquals("[\"a\",5]", read(cache, ReadCache.Shelf.CURSOR_PAGES, "a"));
        assertEquals(5, count("miss"));
        assertEquals(1, count("hit"));
    }

    @Test
    void readersThatMissTogetherShareOneComputation() throws Exception {
        ReadCache cache = cache(1 << 20);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Supplier<Object> slow = () -> {
            runs.incrementAndGet();
            return held(computing, release, List.of("shared"));
        };
        CompletableFuture<byte[]> first = CompletableFuture.supplyAsync(() -> cache.get("a", slow).await().indefinitely());
        assertTrue(computing.await(10, TimeUnit.SECONDS));
        CompletableFuture<byte[]> second = CompletableFuture.supplyAsync(() -> cache.get("a", slow).await().indefinitely());
        while (count("miss") < 2) {
            Thread.onSpinWait();
        }
        release.countDown();

        assertEquals("[\"shared\"]", new String(first.get(10, TimeUnit.SECONDS)));
        assertEquals("[\"shared\"]", new String(second.get(10, TimeUnit.SECONDS)));
        assertEquals(1, runs.get());
        assertEquals("[\"shared\"]", read(cache, "a"), "and kept");
        assertEquals(1, runs.get());
    }

    @Test
    void aReaderUnderANewerCounterDoesNotShareAnOlderComputation() throws Exception {
        ReadCache cache = cache(1 << 20);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<byte[]> older = CompletableFuture.supplyAsync(
                () -> cache.get("a", () -> held(computing, release, List.of("older"))).await().indefinitely());
        assertTrue(computing.await(10, TimeUnit.SECONDS));
        fence.generation = 2;

        assertEquals("[\"a\",1]", read(cache, "a"), "computed for the newer counter while the older one runs");
        release.countDown();
        assertEquals("[\"older\"]", new String(older.get(10, TimeUnit.SECONDS)));
        assertEquals("[\"a\",1]", read(cache, "a"), "the older answer does not replace the newer one");
    }

    @Test
    void aComputationThatDoesNotAnswerInTimeMakesTheReadUnavailableInsteadOfHangingIt() {
        FixedFence frozen = new FixedFence(Duration.ofMillis(200));
        ReadCache cache = new ReadCache(frozen, new ObjectMapper(), new Config(1 << 20, 0), meters, Runnable::run,
                task -> new Thread(task, "held-computation").start());
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            assertThrows(DatabaseUnavailableException.class, () -> cache.get("a",
                    () -> held(computing, release, List.of("late"))).await().atMost(Duration.ofSeconds(10)));
        } finally {
            release.countDown();
        }
    }

    @Test
    void withoutRoomForCursorPagesEachOneIsComputed() {
        ReadCache cache = cache(1 << 20, 0);
        read(cache, ReadCache.Shelf.CURSOR_PAGES, "page");
        read(cache, ReadCache.Shelf.CURSOR_PAGES, "page");
        read(cache, "answer");
        read(cache, "answer");

        assertEquals(3, computed.get());
    }

    @Test
    void cursorPagesMustLeaveRoomForTheOtherAnswers() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ReadCache.cursorPagesMaxBytes(new Config(1_000, 1_000)));
        assertTrue(refused.getMessage().contains("registry.read-cache.cursor-pages-max-bytes"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> ReadCache.cursorPagesMaxBytes(new Config(1_000, -1)));
        assertThrows(IllegalStateException.class, () -> ReadCache.cursorPagesMaxBytes(new Config(0, 0)));
        assertEquals(999, ReadCache.cursorPagesMaxBytes(new Config(1_000, 999)));
    }

    /** {@code answer}, once {@code release} is counted down; {@code computing} tells that the computation started. */
    private static Object held(CountDownLatch computing, CountDownLatch release, Object answer) {
        computing.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return answer;
    }

    private String read(ReadCache cache, String key) {
        return read(cache, ReadCache.Shelf.ANSWERS, key);
    }

    private String read(ReadCache cache, ReadCache.Shelf shelf, String key) {
        return new String(cache.get(shelf, key, () -> List.of(key, computed.incrementAndGet())).await().indefinitely());
    }

    private double count(String result) {
        return meters.get(ReadCache.METER).tag("result", result).functionCounter().count();
    }

    private ReadCache cache(long maxBytes) {
        return cache(maxBytes, 0);
    }

    private ReadCache cache(long maxBytes, long cursorPagesMaxBytes) {
        // answers are computed and renewed on the reading thread, so that each test sees their result at once
        return new ReadCache(fence, new ObjectMapper(), new Config(maxBytes, cursorPagesMaxBytes), meters, Runnable::run,
                Runnable::run);
    }

    private static final class FixedFence extends GenerationFence {
        volatile long generation = 1;
        volatile Instant now = NOW;
        volatile Instant horizon;

        FixedFence() {
            this(Duration.ofMinutes(5));
        }

        FixedFence(Duration wait) {
            super(null, List.of(), wait);
        }

        @Override
        public CompletionStage<Fence> next() {
            return CompletableFuture.completedFuture(new Fence(generation, now, horizon));
        }
    }

    private record Config(long maxBytes, long cursorPagesMaxBytes) implements ReadCacheConfig {
        @Override
        public boolean enabled() {
            return true;
        }

        @Override
        public Duration maxAge() {
            return Duration.ofMinutes(5);
        }
    }
}
