package io.mcpgov.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.AsyncCacheLoader;
import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.Weigher;
import io.mcpgov.registry.change.ChangeCounter;
import io.mcpgov.registry.common.DatabaseUnavailableException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Serialised discovery answers, kept per instance in Caffeine caches and served only while nothing has changed: an
 * answer is kept under the change counter and the listing horizon it was computed under, beside its query, so a read
 * finds it only while the database still names that counter and horizon. Every read first asks the
 * {@link GenerationFence}, so a change committed on any instance, or a horizon passing, is seen by the next read; the
 * cache saves the query and the serialisation, never correctness. docs/read-cache.md explains the whole design.
 * <p>
 * Caffeine does the rest: readers that miss the same answer under the same counter share one computation (the cache
 * holds the computation in flight), answers are evicted by their weight in bytes, an answer read once half of
 * {@code max-age} has passed is renewed in the background while the kept one is served ({@code refreshAfterWrite}),
 * and its statistics are bound to Micrometer. Answers of an older counter are never asked for again and leave as
 * the cache needs room, or at {@code max-age}.
 * <p>
 * Two parts are the registry's own, both behind {@link StoredAnswer}: small answers are kept compressed with a
 * dictionary learned from recent answers ({@link AnswerCompression}), and list pages reached through a cursor are kept
 * on a {@link Shelf shelf} of their own, with its own share of the memory, in a {@link PageRing} allocated once.
 */
@Startup
@ApplicationScoped
public class ReadCache {

    /** Where an answer is kept, each with its own share of {@code registry.read-cache.max-bytes}. */
    public enum Shelf {
        /** Answers asked for directly: first pages, searches, one server's versions, one version. */
        ANSWERS,
        /**
         * List pages reached through a cursor. A client walking the whole list (a sync, a crawler) reads each page
         * many times within seconds and then not again: kept with the other answers, such pages would push out the
         * first pages, searches and single versions that agents ask for all the time.
         */
        CURSOR_PAGES
    }

    private static final Logger LOG = Logger.getLogger(ReadCache.class);
    /** Renewals waiting for the background thread; beyond them an answer is left to expire and be computed by a read. */
    private static final int QUEUED_RENEWALS = 256;
    /**
     * Discovery reads answered by the cache, by result: {@code hit} (from memory) or {@code miss} (computed, or waited
     * for while another read computed it); and {@code renewal}: answers computed again in the background.
     */
    static final String METER = "registry.read.cache";
    /**
     * What an entry weighs besides its query and answer, for the cache's node, the key and the answer's future. They
     * take more (about 190 bytes with the stored answer's record, measured with JOL): a single version weighs about
     * five sixths of the heap it takes, which docs/configuration.md tells operators.
     */
    private static final int ENTRY_OVERHEAD = 128;
    private static final long NO_HORIZON = Long.MIN_VALUE;

    private final GenerationFence fence;
    private final ObjectMapper json;
    private final Executor renewer;
    private final Executor workers;
    private final Map<Shelf, Answers> shelves = new EnumMap<>(Shelf.class);
    // plain adders read by the meter registry when scraped: a registry counter's increment costs more than the hit
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder renewals = new LongAdder();

    @Inject
    ReadCache(GenerationFence fence, ObjectMapper json, ReadCacheConfig config, MeterRegistry meters) {
        this(fence, json, config, meters, renewalThread(), task -> Infrastructure.getDefaultWorkerPool().execute(task),
                Ticker.systemTicker());
    }

    /**
     * {@code workers} compute the answers reads miss; {@code renewer} renews answers in the background; {@code ticker}
     * is the clock of {@code max-age}.
     */
    ReadCache(GenerationFence fence, ObjectMapper json, ReadCacheConfig config, MeterRegistry meters, Executor renewer,
            Executor workers, Ticker ticker) {
        this.fence = fence;
        this.json = json;
        this.renewer = renewer;
        this.workers = workers;
        FunctionCounter.builder(METER, hits, LongAdder::sum).tag("result", "hit").register(meters);
        FunctionCounter.builder(METER, misses, LongAdder::sum).tag("result", "miss").register(meters);
        FunctionCounter.builder(METER, renewals, LongAdder::sum).tag("result", "renewal").register(meters);
        long cursorPages = cursorPagesMaxBytes(config);
        if (config.enabled()) {
            AnswerCompression compression = new AnswerCompression();
            shelves.put(Shelf.ANSWERS, new Answers("discovery-answers", config.maxBytes() - cursorPages,
                    ReadCache::weight, answer -> StoredAnswer.of(answer, compression), config.maxAge(), ticker, meters));
            if (cursorPages > 0) {
                PageRing ring = new PageRing((int) cursorPages);
                // a page weighs its bytes alone, and the shelf may name twice the bytes its ring holds: the ring
                // decides which pages stay (the oldest are overwritten), and an entry whose page was overwritten
                // reads as absent until it is replaced or pushed out
                shelves.put(Shelf.CURSOR_PAGES, new Answers("discovery-cursor-pages", 2 * cursorPages,
                        (key, answer) -> answer.storedBytes(), answer -> StoredAnswer.inRing(answer, ring),
                        config.maxAge(), ticker, meters));
            }
        }
    }

    /**
     * {@link ReadCacheConfig#cursorPagesMaxBytes()}, refused unless it leaves room for the other answers. Checked in
     * code rather than with constraint annotations: those make Quarkus build a validator over every configuration
     * class at each start.
     */
    static long cursorPagesMaxBytes(ReadCacheConfig config) {
        long cursorPages = config.cursorPagesMaxBytes();
        if (config.maxBytes() < 1 || cursorPages < 0 || cursorPages >= config.maxBytes()
                || cursorPages > PageRing.MAX_CAPACITY) {
            throw new IllegalStateException("registry.read-cache.max-bytes must be positive and "
                    + "registry.read-cache.cursor-pages-max-bytes at least 0, less than it and at most "
                    + PageRing.MAX_CAPACITY + ", not " + config.maxBytes() + " and " + cursorPages);
        }
        return cursorPages;
    }

    /**
     * The JSON answer to {@code query}: from memory when still valid, otherwise computed on a worker thread and kept
     * on {@code shelf}. {@code query} must have a value-based {@code equals} and {@code hashCode} (a record) and say
     * everything the answer depends on, the reader's visibility included; {@code compute} may also run on a
     * background thread (to renew the answer): it must not depend on the request. Asked on the event loop, a read
     * whose answer is kept stays there, apart from waiting (without a thread) for the change counter.
     */
    public <Q> Uni<byte[]> get(Shelf shelf, Q query, Function<Q, Object> compute) {
        long arrived = System.nanoTime();
        Answers answers = shelves.get(shelf);
        @SuppressWarnings("unchecked")
        Function<Object, Object> work = (Function<Object, Object>) compute;
        if (answers == null) {
            return onWorker(() -> write(work.apply(query)), arrived);
        }
        return Uni.createFrom().completionStage(fence::next)
                .emitOn(callerContext())
                .chain(reading -> answers.answer(reading, query, work, arrived));
    }

    /** {@code work} on a worker thread, answered within the fence's wait counted from the read's arrival. */
    private Uni<byte[]> onWorker(Supplier<byte[]> work, long arrived) {
        return inTime(CompletableFuture.supplyAsync(work, workers), arrived);
    }

    /**
     * {@code answer}, or a 503 once the fence's wait has passed since the read arrived: a database that stops
     * answering while an answer is computed makes the read a 503 in time, whatever the worker still waits for (the
     * driver gives that up by itself). The deadline is {@link CompletableFuture#orTimeout}'s, whose timer leaves its
     * queue as soon as the answer comes; a timer left queued until its deadline once cancelled (Mutiny's
     * {@code ifNoItem}) would keep every answered read, and what it holds, in memory for the whole wait.
     */
    private <T> Uni<T> inTime(CompletableFuture<T> answer, long arrived) {
        long left = fence.waitLimit().toNanos() - (System.nanoTime() - arrived);
        return Uni.createFrom().completionStage(answer.orTimeout(Math.max(1_000_000L, left), TimeUnit.NANOSECONDS))
                .onFailure(ReadCache::timedOut).transform(late -> new DatabaseUnavailableException(
                        "A discovery answer was not computed within " + fence.waitLimit().toMillis() + " ms"));
    }

    private static boolean timedOut(Throwable failure) {
        return failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException;
    }

    /** Runs tasks on the Vert.x context of the calling request, where its answer is written; in place without one. */
    private static Executor callerContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    private static ExecutorService renewalThread() {
        return new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUED_RENEWALS), task -> {
            Thread t = new Thread(task, "read-cache-renewal");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        if (renewer instanceof ExecutorService service) {
            service.shutdownNow();
        }
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A discovery answer could not be serialised", e);
        }
    }

    private static long micros(Instant t) {
        return t == null ? NO_HORIZON : Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    /** What an answer is kept under: its query, and the counter and horizon it was computed under. */
    private static final class Key {
        final long generation;
        final long horizon;
        final Object query;
        /** Computes the answer again, to renew it; not part of what the key is. */
        final Function<Object, Object> compute;
        /**
         * Set on the key a read looked its answer up with when that lookup started the computation: the answer's bytes
         * as computed, for that read alone, which takes them at once (the key stays in the cache). That read counts as
         * a miss however fast the answer came, and is not made to read back what was just stored (a compressed
         * answer expanded, a cursor page copied out of its ring). Not part of what the key is.
         */
        CompletableFuture<byte[]> fresh;

        Key(long generation, long horizon, Object query, Function<Object, Object> compute) {
            this.generation = generation;
            this.horizon = horizon;
            this.query = query;
            this.compute = compute;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && generation == other.generation && horizon == other.horizon
                    && query.equals(other.query);
        }

        @Override
        public int hashCode() {
            return (31 * Long.hashCode(generation) + Long.hashCode(horizon)) * 31 + query.hashCode();
        }
    }

    private static int weight(Key key, StoredAnswer answer) {
        // the query's text is about the size of its fields in memory
        return ENTRY_OVERHEAD + key.query.toString().length() + answer.storedBytes();
    }

    /** One shelf's answers, within its share of the memory. */
    private final class Answers implements AsyncCacheLoader<Key, StoredAnswer> {
        final AsyncLoadingCache<Key, StoredAnswer> cache;
        final Function<byte[], StoredAnswer> keep;
        /** The newest counter and horizon a read has brought; answers kept under older ones are dropped. */
        final AtomicReference<Key> newest = new AtomicReference<>();
        /** Starts computing an answer the cache does not hold; one function for every read, not one per read. */
        final BiFunction<Key, Executor, CompletableFuture<StoredAnswer>> start = (key, executor) -> computed(key, true);

        Answers(String name, long maxWeight, Weigher<Key, StoredAnswer> weigher, Function<byte[], StoredAnswer> keep,
                Duration maxAge, Ticker ticker, MeterRegistry meters) {
            this.keep = keep;
            this.cache = Caffeine.newBuilder()
                    .maximumWeight(maxWeight)
                    .weigher(weigher)
                    .expireAfterWrite(maxAge)
                    .refreshAfterWrite(maxAge.dividedBy(2))
                    // the cache's own upkeep (evictions) on the thread that added or read an answer, not in a shared
                    // pool: no answer is computed inside the cache, which holds computations only as futures
                    .executor(Runnable::run)
                    .ticker(ticker)
                    .recordStats()
                    .buildAsync(this);
            CaffeineCacheMetrics.monitor(meters, cache, name);
        }

        Uni<byte[]> answer(ChangeCounter.Reading reading, Object query, Function<Object, Object> compute, long arrived) {
            if (reading.horizon() != null && !reading.now().isBefore(reading.horizon())) {
                // a horizon that has passed names no answer that may still be served
                misses.increment();
                return onWorker(() -> write(compute.apply(query)), arrived);
            }
            Key key = new Key(reading.generation(), micros(reading.horizon()), query, compute);
            dropAnswersOlderThan(key);
            CompletableFuture<StoredAnswer> answer = cache.get(key, start);
            if (key.fresh == null && answer.isDone() && !answer.isCompletedExceptionally()) {
                StoredAnswer stored = answer.join();
                byte[] bytes = stored instanceof StoredAnswer.Failed ? null : stored.read();
                if (bytes != null) {
                    hits.increment();
                    return Uni.createFrom().item(bytes);
                }
                // a cursor page that its ring has overwritten, or a failure that the reads waiting for it have had
                cache.asMap().remove(key, answer);
                answer = cache.get(key, start);
            }
            misses.increment();
            CompletableFuture<byte[]> fresh = key.fresh;
            if (fresh != null) {
                key.fresh = null;
                return inTime(fresh, arrived);
            }
            // a copy: a read that gives up waiting cancels its copy, never the computation others share
            return inTime(answer.copy(), arrived).chain(stored -> {
                byte[] computed = stored.read();
                return computed != null ? Uni.createFrom().item(computed)
                        : onWorker(() -> write(compute.apply(query)), arrived);
            });
        }

        /**
         * Once a read brings a newer counter or another horizon, drops the answers kept under older ones, in the
         * background. No read asks for them again, but left to be pushed out by weight they would keep the answers of
         * the new counter out: Caffeine admits a new entry to a full cache only if it is asked for more often than the
         * one it would evict, and the old answers have all their reads behind them.
         */
        private void dropAnswersOlderThan(Key key) {
            Key seen = newest.get();
            if (seen != null && !newer(key, seen)) {
                return;
            }
            if (newest.compareAndSet(seen, key) && seen != null) {
                workers.execute(() -> cache.synchronous().asMap().keySet().removeIf(kept -> newer(key, kept)));
            }
        }

        /**
         * Whether {@code a} was read after {@code b}: under a later counter, or under the same counter and a later
         * horizon (within one counter, horizons only pass; none left sorts last).
         */
        private static boolean newer(Key a, Key b) {
            if (a.generation != b.generation) {
                return a.generation > b.generation;
            }
            return laterOrNone(a.horizon) > laterOrNone(b.horizon);
        }

        private static long laterOrNone(long horizon) {
            return horizon == NO_HORIZON ? Long.MAX_VALUE : horizon;
        }

        /**
         * {@code key}'s answer, computed on a worker thread; for a read ({@code forRead}), also handed to it as
         * computed ({@link Key#fresh}). A computation that fails completes with a {@link StoredAnswer.Failed failure}
         * instead of failing the future (which the cache would log), and leaves the cache once the reads that shared
         * it have it: failures are never served to later reads.
         */
        private CompletableFuture<StoredAnswer> computed(Key key, boolean forRead) {
            CompletableFuture<byte[]> fresh = forRead ? new CompletableFuture<>() : null;
            key.fresh = fresh;
            CompletableFuture<StoredAnswer> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    byte[] bytes = write(key.compute.apply(key.query));
                    StoredAnswer stored = kept(bytes);
                    if (fresh != null) {
                        fresh.complete(bytes);
                    }
                    return stored;
                } catch (RuntimeException e) {
                    if (fresh != null) {
                        fresh.completeExceptionally(e);
                    }
                    return new StoredAnswer.Failed(e);
                }
            }, workers);
            answer.thenAccept(stored -> {
                if (stored instanceof StoredAnswer.Failed) {
                    cache.asMap().remove(key, answer);
                }
            });
            return answer;
        }

        /** The answer as kept; as it is when it cannot be kept on this shelf (a page larger than its ring). */
        private StoredAnswer kept(byte[] answer) {
            StoredAnswer stored = keep.apply(answer);
            return stored != null ? stored : new StoredAnswer.AsItIs(answer);
        }

        @Override
        public CompletableFuture<StoredAnswer> asyncLoad(Key key, Executor executor) {
            return computed(key, false);
        }

        /**
         * Renews a kept answer in the background (Caffeine asks once half of {@code max-age} has passed since it was
         * computed, at the next read, which is served the kept answer). Under the key's counter and horizon: a read
         * under those is the only one that asks, and a renewal that outlives them is kept under a key no read asks
         * for again. One that fails drops the answer, which the next read computes; one that cannot be queued
         * leaves it as it is.
         */
        @Override
        public CompletableFuture<StoredAnswer> asyncReload(Key key, StoredAnswer old, Executor executor) {
            try {
                return CompletableFuture.supplyAsync(() -> renewed(key), renewer);
            } catch (RejectedExecutionException e) {
                CompletableFuture<StoredAnswer> notNow = new CompletableFuture<>();
                notNow.cancel(false);
                return notNow;
            }
        }

        private StoredAnswer renewed(Key key) {
            try {
                StoredAnswer answer = kept(write(key.compute.apply(key.query)));
                renewals.increment();
                return answer;
            } catch (RuntimeException e) {
                LOG.debugf(e, "Renewing a cached discovery answer failed");
                return null;
            }
        }
    }
}
