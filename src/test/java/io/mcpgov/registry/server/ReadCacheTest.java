package io.mcpgov.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.change.ChangeCounter;
import io.mcpgov.registry.common.DatabaseUnavailableException;
import io.mcpgov.registry.common.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class ReadCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    /** Answers are computed on a thread of their own, as on the worker pool. */
    private static final Executor THREADS = task -> new Thread(task, "computing").start();

    private final FixedFence fence = new FixedFence();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final AtomicInteger computed = new AtomicInteger();
    /** The cache's clock, which {@code max-age} is measured by. */
    private final AtomicLong ticks = new AtomicLong();
    /** Renewals asked for and not yet run: a test runs them when it wants them done. */
    private final List<Runnable> renewalsAskedFor = new ArrayList<>();

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
    void answersOfAnOlderCounterLeaveOnceAReadBringsANewerOne() {
        ReadCache cache = cache(1 << 20);
        for (int key = 0; key < 50; key++) {
            read(cache, "key-" + key);
        }
        assertEquals(50, kept());

        fence.generation = 2;
        read(cache, "key-0");
        assertEquals(1, kept(), "only the answer of the counter reads now bring is left");

        fence.generation = 1;
        read(cache, "key-1");
        assertEquals(2, kept(), "a late read under the older counter drops nothing newer");
    }

    @Test
    void afterTheCounterMovesAFullCacheKeepsTheNewAnswers() {
        ReadCache cache = cache(10_000);
        for (int round = 0; round < 5; round++) {
            for (int key = 0; key < 100; key++) {
                read(cache, "key-" + key);
            }
        }
        fence.generation = 2;
        int before = computed.get();
        for (int round = 0; round < 3; round++) {
            for (int key = 0; key < 20; key++) {
                read(cache, "key-" + key);
            }
        }
        assertEquals(before + 20, computed.get(),
                "each answer of the new counter is computed once and then served from memory");
    }

    @Test
    void anAnswerOfAPassedHorizonLeavesOnceAReadBringsTheNextOne() {
        ReadCache cache = cache(1 << 20);
        fence.horizon = NOW.plusSeconds(60);
        read(cache, "a");
        read(cache, "b");
        fence.now = NOW.plusSeconds(61);
        fence.horizon = NOW.plusSeconds(120);
        read(cache, "a");
        assertEquals(1, kept());
    }

    @Test
    void anAnswerIsNotServedPastItsHorizon() {
        ReadCache cache = cache(1 << 20);
        fence.horizon = NOW.plusSeconds(60);
        read(cache, "a");

        fence.now = NOW.plusSeconds(60);
        read(cache, "a");
        assertEquals(2, computed.get(), "a horizon the database still names once passed keeps nothing");

        fence.horizon = NOW.plusSeconds(120);
        read(cache, "a");
        assertEquals(3, computed.get(), "the next horizon keeps answers of its own");
        read(cache, "a");
        assertEquals(3, computed.get());
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

        ticks.set(Duration.ofMinutes(2).toNanos());
        assertEquals("[\"a\",1]", read(cache, "a"), "before half of max-age: kept, not renewed");
        assertTrue(renewalsAskedFor.isEmpty());

        ticks.set(Duration.ofMinutes(3).toNanos());
        assertEquals("[\"a\",1]", read(cache, "a"), "the kept answer is still valid and served");
        assertEquals(1, renewalsAskedFor.size(), "and computed again behind it");
        runRenewals();
        assertEquals(2, computed.get());
        assertEquals("[\"a\",2]", read(cache, "a"));
        assertEquals(2, computed.get());

        ticks.set(Duration.ofMinutes(7).toNanos());
        assertEquals("[\"a\",2]", read(cache, "a"), "a renewed answer is as young as its renewal");

        assertEquals(1, count("miss"));
        assertEquals(4, count("hit"));
        assertEquals(1, count("renewal"));
    }

    @Test
    void anAnswerOfAnOlderCounterIsComputedByTheReadNotRenewed() {
        ReadCache cache = cache(1 << 20);
        read(cache, "a");
        ticks.set(Duration.ofMinutes(4).toNanos());
        fence.generation = 2;

        assertEquals("[\"a\",2]", read(cache, "a"));
        assertTrue(renewalsAskedFor.isEmpty());
        assertEquals(2, count("miss"));
        assertEquals(0, count("renewal"));
    }

    @Test
    void anAnswerWhoseRenewalFailsIsComputedByTheNextRead() {
        ReadCache cache = cache(1 << 20);
        AtomicInteger runs = new AtomicInteger();
        Function<String, Object> failsOnRenewal = key -> {
            if (runs.incrementAndGet() == 2) {
                throw ProblemException.notFound("gone");
            }
            return List.of(key, runs.get());
        };
        assertEquals("[\"a\",1]", read(cache, ReadCache.Shelf.ANSWERS, "a", failsOnRenewal));
        ticks.set(Duration.ofMinutes(3).toNanos());
        assertEquals("[\"a\",1]", read(cache, ReadCache.Shelf.ANSWERS, "a", failsOnRenewal));
        runRenewals();

        assertEquals("[\"a\",3]", read(cache, ReadCache.Shelf.ANSWERS, "a", failsOnRenewal));
        assertEquals(0, count("renewal"));
    }

    @Test
    void aRenewalThatCannotBeQueuedLeavesTheAnswerAsItIs() {
        ReadCache cache = new ReadCache(fence, new ObjectMapper(), new Config(1 << 20, 0), meters, task -> {
            throw new RejectedExecutionException("full");
        }, Runnable::run, ticks::get);
        read(cache, "a");
        ticks.set(Duration.ofMinutes(3).toNanos());

        assertEquals("[\"a\",1]", read(cache, "a"));
        assertEquals("[\"a\",1]", read(cache, "a"));
        assertEquals(1, computed.get());
    }

    @Test
    void aReadThatFailsKeepsNothing() {
        ReadCache cache = cache(1 << 20);
        AtomicInteger runs = new AtomicInteger();
        Function<String, Object> failsFirst = key -> {
            if (runs.incrementAndGet() == 1) {
                throw ProblemException.notFound("not yet");
            }
            return List.of(key);
        };
        assertThrows(ProblemException.class, () -> read(cache, ReadCache.Shelf.ANSWERS, "a", failsFirst));
        assertEquals("[\"a\"]", read(cache, ReadCache.Shelf.ANSWERS, "a", failsFirst));
        assertEquals(2, runs.get());
    }

    @Test
    void aFailureSharedByItsReadersIsNeitherKeptNorLoggedAsTheCachesOwn() throws Exception {
        ReadCache cache = cache(1 << 20, 0, THREADS);
        Logger caffeine = Logger.getLogger("com.github.benmanes.caffeine.cache");
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        caffeine.addHandler(handler);
        try {
            CountDownLatch computing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicInteger runs = new AtomicInteger();
            Function<String, Object> missing = key -> {
                if (runs.incrementAndGet() == 1) {
                    held(computing, release, null);
                    throw ProblemException.notFound("Server not found.");
                }
                return List.of(key);
            };
            CompletableFuture<String> first = CompletableFuture.supplyAsync(
                    () -> read(cache, ReadCache.Shelf.ANSWERS, "a", missing));
            assertTrue(computing.await(10, TimeUnit.SECONDS));
            CompletableFuture<String> second = CompletableFuture.supplyAsync(
                    () -> read(cache, ReadCache.Shelf.ANSWERS, "a", missing));
            while (count("miss") < 2) {
                Thread.onSpinWait();
            }
            release.countDown();

            for (CompletableFuture<String> read : List.of(first, second)) {
                ExecutionException failed = assertThrows(ExecutionException.class, () -> read.get(10, TimeUnit.SECONDS));
                assertInstanceOf(ProblemException.class, failed.getCause());
            }
            assertEquals("[\"a\"]", read(cache, ReadCache.Shelf.ANSWERS, "a", missing), "computed again");
            assertEquals(2, runs.get());
            assertTrue(logged.isEmpty(), () -> "logged: " + logged.get(0).getMessage());
        } finally {
            caffeine.removeHandler(handler);
        }
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
        assertEquals("[\"a\",5]", read(cache, ReadCache.Shelf.CURSOR_PAGES, "a"), "and kept again");
    }

    @Test
    void readersThatMissTogetherShareOneComputation() throws Exception {
        ReadCache cache = cache(1 << 20, 0, THREADS);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Function<String, Object> slow = key -> {
            runs.incrementAndGet();
            return held(computing, release, List.of("shared"));
        };
        CompletableFuture<String> first = CompletableFuture.supplyAsync(
                () -> read(cache, ReadCache.Shelf.ANSWERS, "a", slow));
        assertTrue(computing.await(10, TimeUnit.SECONDS));
        CompletableFuture<String> second = CompletableFuture.supplyAsync(
                () -> read(cache, ReadCache.Shelf.ANSWERS, "a", slow));
        while (count("miss") < 2) {
            Thread.onSpinWait();
        }
        release.countDown();

        assertEquals("[\"shared\"]", first.get(10, TimeUnit.SECONDS));
        assertEquals("[\"shared\"]", second.get(10, TimeUnit.SECONDS));
        assertEquals(1, runs.get());
        assertEquals("[\"shared\"]", read(cache, ReadCache.Shelf.ANSWERS, "a", slow), "and kept");
        assertEquals(1, runs.get());
    }

    @Test
    void aReaderUnderANewerCounterDoesNotShareAnOlderComputation() throws Exception {
        ReadCache cache = cache(1 << 20, 0, THREADS);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> older = CompletableFuture.supplyAsync(() -> read(cache, ReadCache.Shelf.ANSWERS, "a",
                key -> held(computing, release, List.of("older"))));
        assertTrue(computing.await(10, TimeUnit.SECONDS));
        fence.generation = 2;

        assertEquals("[\"a\",1]", read(cache, "a"), "computed for the newer counter while the older one runs");
        release.countDown();
        assertEquals("[\"older\"]", older.get(10, TimeUnit.SECONDS));
        assertEquals("[\"a\",1]", read(cache, "a"), "the older answer does not replace the newer one");
    }

    @Test
    void aComputationThatDoesNotAnswerInTimeMakesTheReadUnavailableInsteadOfHangingIt() throws Exception {
        FixedFence frozen = new FixedFence(Duration.ofMillis(200));
        ReadCache cache = new ReadCache(frozen, new ObjectMapper(), new Config(1 << 20, 0), meters, Runnable::run,
                THREADS, ticks::get);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Function<String, Object> late = key -> held(computing, release, List.of("late"));
        try {
            assertThrows(DatabaseUnavailableException.class, () -> cache.get(ReadCache.Shelf.ANSWERS, "a", late)
                    .await().atMost(Duration.ofSeconds(10)));
            assertThrows(DatabaseUnavailableException.class, () -> cache.get(ReadCache.Shelf.ANSWERS, "a", late)
                    .await().atMost(Duration.ofSeconds(10)), "a read that shares the late computation too");
        } finally {
            release.countDown();
        }
        assertEquals("[\"late\"]", new String(cache.get(ReadCache.Shelf.ANSWERS, "a", late).await()
                .atMost(Duration.ofSeconds(10))), "the computation given up by its readers is kept once done");
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

    @Test
    void theCachesStatisticsAreBoundToTheMeterRegistry() {
        ReadCache cache = cache(1 << 20, 4_000);
        read(cache, "a");
        read(cache, "a");
        read(cache, ReadCache.Shelf.CURSOR_PAGES, "page");

        assertEquals(1, meters.get("cache.gets").tag("cache", "discovery-answers").tag("result", "hit")
                .functionCounter().count());
        assertEquals(1, meters.get("cache.size").tag("cache", "discovery-cursor-pages").gauge().value());
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

    private void runRenewals() {
        List<Runnable> due = new ArrayList<>(renewalsAskedFor);
        renewalsAskedFor.clear();
        due.forEach(Runnable::run);
    }

    private String read(ReadCache cache, String key) {
        return read(cache, ReadCache.Shelf.ANSWERS, key);
    }

    private String read(ReadCache cache, ReadCache.Shelf shelf, String key) {
        return read(cache, shelf, key, k -> List.of(k, computed.incrementAndGet()));
    }

    private static String read(ReadCache cache, ReadCache.Shelf shelf, String key, Function<String, Object> compute) {
        return new String(cache.get(shelf, key, compute).await().atMost(Duration.ofSeconds(10)));
    }

    /** Answers kept on the shelf of answers asked for directly, once the cache's upkeep has run. */
    private long kept() {
        return (long) meters.get("cache.size").tag("cache", "discovery-answers").gauge().value();
    }

    private double count(String result) {
        return meters.get(ReadCache.METER).tag("result", result).functionCounter().count();
    }

    private ReadCache cache(long maxBytes) {
        return cache(maxBytes, 0);
    }

    private ReadCache cache(long maxBytes, long cursorPagesMaxBytes) {
        // answers are computed on the reading thread, so that each test sees their result at once
        return cache(maxBytes, cursorPagesMaxBytes, Runnable::run);
    }

    private ReadCache cache(long maxBytes, long cursorPagesMaxBytes, Executor workers) {
        return new ReadCache(fence, new ObjectMapper(), new Config(maxBytes, cursorPagesMaxBytes), meters,
                renewalsAskedFor::add, workers, ticks::get);
    }

    private static final class FixedFence extends GenerationFence {
        volatile long generation = 1;
        volatile Instant now = NOW;
        volatile Instant horizon;

        FixedFence() {
            this(Duration.ofMinutes(5));
        }

        FixedFence(Duration wait) {
            super(null, wait);
        }

        @Override
        public CompletionStage<ChangeCounter.Reading> next() {
            return CompletableFuture.completedFuture(new ChangeCounter.Reading(generation, now, horizon));
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
