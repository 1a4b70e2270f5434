package io.mcpgov.registry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mcpgov.registry.common.DatabaseUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How reads share the change counter's rounds, with a query that waits until the test lets it answer. */
class GenerationFenceRoundsTest {

    private final ScriptedFence fence = new ScriptedFence(Duration.ofMinutes(5));

    @AfterEach
    void stop() {
        fence.release.countDown();
        fence.stop();
    }

    @Test
    void aReadArrivingWhileARoundRunsIsAnsweredByTheNextRound() throws Exception {
        CompletableFuture<Fence> first = fence.next().toCompletableFuture();
        assertTrue(fence.started.await(10, TimeUnit.SECONDS), "the first round's query started");

        CompletableFuture<Fence> second = fence.next().toCompletableFuture();
        fence.release.countDown();

        assertEquals(1, first.get(10, TimeUnit.SECONDS).generation());
        assertEquals(2, second.get(10, TimeUnit.SECONDS).generation(), "a query that started after the read arrived");
    }

    @Test
    void readsWaitingTogetherShareOneRound() throws Exception {
        CompletableFuture<Fence> first = fence.next().toCompletableFuture();
        assertTrue(fence.started.await(10, TimeUnit.SECONDS));
        List<CompletableFuture<Fence>> waiting = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            waiting.add(fence.next().toCompletableFuture());
        }
        fence.release.countDown();

        first.get(10, TimeUnit.SECONDS);
        for (CompletableFuture<Fence> read : waiting) {
            assertEquals(2, read.get(10, TimeUnit.SECONDS).generation());
        }
        assertEquals(2, fence.queries.get(), "101 reads, two queries");
    }

    @Test
    void aFailedRoundFailsItsReadsAndTheNextRoundAnswers() throws Exception {
        fence.failNext = true;
        fence.release.countDown();

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> fence.next().toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
        assertEquals(2, fence.next().toCompletableFuture().get(10, TimeUnit.SECONDS).generation());
    }

    @Test
    void onceStoppedReadsFailInsteadOfWaiting() {
        fence.stop();

        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> fence.next().toCompletableFuture().get(10, TimeUnit.SECONDS));
        assertInstanceOf(IllegalStateException.class, failed.getCause());
    }

    @Test
    void aRoundThatDoesNotAnswerInTimeFailsItsReadsAndThoseWaitingThenTheNextRoundAnswers() throws Exception {
        ScriptedFence frozen = new ScriptedFence(Duration.ofMillis(200));
        try {
            CompletableFuture<Fence> inRound = frozen.next().toCompletableFuture();
            assertTrue(frozen.started.await(10, TimeUnit.SECONDS), "the round's query started");
            CompletableFuture<Fence> waitingForNext = frozen.next().toCompletableFuture();

            for (CompletableFuture<Fence> read : List.of(inRound, waitingForNext)) {
                ExecutionException failed = assertThrows(ExecutionException.class, () -> read.get(10, TimeUnit.SECONDS));
                assertInstanceOf(DatabaseUnavailableException.class, failed.getCause());
            }
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> frozen.next().toCompletableFuture().get(10, TimeUnit.SECONDS));
            assertInstanceOf(DatabaseUnavailableException.class, refused.getCause(),
                    "while the query still hangs, a new read is refused instead of queueing behind it");
            assertEquals(1, frozen.queries.get());

            frozen.release.countDown();
            assertEquals(2, answeredOnceTheQueryReturned(frozen).generation(), "the counter's thread goes on");
        } finally {
            frozen.release.countDown();
            frozen.stop();
        }
    }

    /** The first read answered after the hanging query returned; reads refused meanwhile are tried again. */
    private static Fence answeredOnceTheQueryReturned(ScriptedFence fence) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return fence.next().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof DatabaseUnavailableException) || attempt > 500) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    private static final class ScriptedFence extends GenerationFence {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger queries = new AtomicInteger();
        volatile boolean failNext;

        ScriptedFence(Duration wait) {
            super(null, List.of(), wait);
        }

        @Override
        Fence query() {
            int generation = queries.incrementAndGet();
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failNext) {
                failNext = false;
                throw new IllegalStateException("Reading the change counter failed");
            }
            return new Fence(generation, Instant.now(), null);
        }
    }
}
