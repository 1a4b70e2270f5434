package io.mcpgov.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.mcpgov.registry.common.DatabaseUnavailableException;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Serialised discovery answers, kept per instance and served only while nothing has changed: an answer is valid for
 * the change counter it was computed under and until the earliest listing horizon then known (an exception's end).
 * Every read first asks the {@link GenerationFence}, so a change committed on any instance, or a horizon passing, is
 * seen by the next read; the cache saves the query and the serialisation, never correctness.
 * <p>
 * An answer read when half of its {@code max-age} has passed is computed again in the background while the kept one,
 * still valid, is served: answers that are read often are renewed before they expire, instead of all their readers
 * waiting for the query together when they do. Only answers valid for the current counter are renewed, and the
 * renewed answer carries the counter read before its query, as any other.
 * <p>
 * Pages reached through a cursor are kept on a {@link Shelf shelf} of their own, with its own share of the memory: a
 * client walking the whole list (a sync, a crawler) reads each page many times in a short while and then not again,
 * which makes such pages look popular to the cache while they last; kept with the other answers, they would push out
 * the first pages, searches and single versions that agents ask for all the time. Their bytes are kept in a
 * {@link PageRing}, allocated once, so that the bytes of such pages never reach the old generation.
 */
@Startup
@ApplicationScoped
public class ReadCache {

    /** Where an answer is kept, each with its own share of {@code registry.read-cache.max-bytes}. */
    public enum Shelf {
        /** Answers asked for directly: first pages, searches, one server's versions, one version. */
        ANSWERS,
        /** List pages reached through a cursor. */
        CURSOR_PAGES
    }

    private static final Logger LOG = Logger.getLogger(ReadCache.class);
    /** Renewals waiting for the background thread; beyond them an answer is left to expire and be computed by a read. */
    private static final int QUEUED_RENEWALS = 256;

    /**
     * Discovery reads answered by the cache, by result: {@code hit} (from memory) or {@code miss} (computed); and
     * {@code renewal}: answers computed again in the background before they expire.
     */
    static final String METER = "registry.read.cache";
    /** Memory taken by an entry besides its key and answer: the entry and the cache's node. */
    private static final int ENTRY_OVERHEAD = 64;

    private final GenerationFence fence;
    private final ObjectMapper json;
    private final boolean enabled;
    private final Map<Shelf, ShelfAnswers> shelves = new EnumMap<>(Shelf.class);
    // plain adders read by the meter registry when scraped: a registry counter's increment costs more than the hit
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder renewals = new LongAdder();
    private final Duration renewAfter;
    private final Executor renewer;
    private final Executor workers;
    private final Set<String> renewing = ConcurrentHashMap.newKeySet();
    private final Map<String, Computing> computing = new ConcurrentHashMap<>();
    private final AnswerCompression compression = new AnswerCompression();

    @Inject
    ReadCache(GenerationFence fence, ObjectMapper json, ReadCacheConfig config, MeterRegistry meters) {
        this(fence, json, config, meters, renewalThread(), task -> Infrastructure.getDefaultWorkerPool().execute(task));
    }

    /** {@code workers} compute the answers reads miss; {@code renewer} renews answers in the background. */
    ReadCache(GenerationFence fence, ObjectMapper json, ReadCacheConfig config, MeterRegistry meters, Executor renewer,
            Executor workers) {
        this.fence = fence;
        this.renewer = renewer;
        this.workers = workers;
        this.renewAfter = config.maxAge().dividedBy(2);
        FunctionCounter.builder(METER, hits, LongAdder::sum).tag("result", "hit").register(meters);
        FunctionCounter.builder(METER, misses, LongAdder::sum).tag("result", "miss").register(meters);
        FunctionCounter.builder(METER, renewals, LongAdder::sum).tag("result", "renewal").register(meters);
        this.json = json;
        this.enabled = config.enabled();
        long cursorPages = cursorPagesMaxBytes(config);
        shelves.put(Shelf.ANSWERS, new ShelfAnswers(config.maxBytes() - cursorPages, config.maxAge(), null));
        shelves.put(Shelf.CURSOR_PAGES, new ShelfAnswers(cursorPages, config.maxAge(),
                enabled && cursorPages > 0 ? new PageRing((int) cursorPages) : null));
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

    /** {@link #get(Shelf, String, Supplier)} for an answer asked for directly. */
    public Uni<byte[]> get(String key, Supplier<Object> compute) {
        return get(Shelf.ANSWERS, key, compute);
    }

    /**
     * The JSON answer for {@code key}: from memory when still valid, otherwise computed on a worker thread and kept on
     * {@code shelf}. Asked on the event loop, a read whose answer is kept stays there, apart from waiting (without a
     * thread) for the change counter. {@code compute} may also run on a background thread (to renew the answer): it
     * must not depend on the request.
     */
    public Uni<byte[]> get(Shelf shelf, String key, Supplier<Object> compute) {
        ShelfAnswers answers = shelves.get(shelf);
        long arrived = System.nanoTime();
        if (!enabled || answers.maxBytes == 0) {
            return onWorker(() -> write(compute.get()), arrived);
        }
        return Uni.createFrom().completionStage(fence::next)
                .emitOn(callerContext())
                .chain(now -> {
                    byte[] kept = kept(answers, key, compute, now);
                    return kept != null ? Uni.createFrom().item(kept)
                            : onWorker(() -> computed(answers, key, compute, now), arrived);
                });
    }

    /** The kept answer if still valid under {@code now}, renewed behind the read when old enough; null otherwise. */
    private byte[] kept(ShelfAnswers answers, String key, Supplier<Object> compute, Fence now) {
        Entry cached = answers.entries.getIfPresent(key);
        byte[] kept = valid(cached, now) ? cached.answer().read() : null;
        if (kept != null) {
            hits.increment();
            if (!now.now().isBefore(cached.renewAt())) {
                renew(answers, key, compute);
            }
        }
        return kept;
    }

    /**
     * Computes and keeps {@code key}'s answer. Readers that miss together under the same counter share one
     * computation instead of repeating it; it runs outside the cache's map, whose locks are then only held briefly,
     * so that nothing a read on the event loop does (evictions included) waits for a query.
     */
    private byte[] computed(ShelfAnswers answers, String key, Supplier<Object> compute, Fence now) {
        misses.increment();
        Computing mine = new Computing(now, new CompletableFuture<>());
        Computing other = computing.putIfAbsent(key, mine);
        if (other != null && valid(other.fence(), now)) {
            return awaited(other.answer());
        }
        boolean registered = other == null;
        try {
            Entry current = answers.entries.getIfPresent(key);
            byte[] answer = valid(current, now) ? current.answer().read() : null;
            if (answer == null) {
                answer = write(compute.get());
                Entry entry = answers.entry(now, answer);
                if (entry != null) {
                    answers.entries.asMap().merge(key, entry,
                            (kept, fresh) -> kept.generation() > fresh.generation() ? kept : fresh);
                }
            }
            mine.answer().complete(answer);
            return answer;
        } catch (RuntimeException e) {
            mine.answer().completeExceptionally(e);
            throw e;
        } finally {
            if (registered) {
                computing.remove(key, mine);
            }
        }
    }

    /** A computation under {@code fence}, which readers under the same counter and before its horizon may share. */
    private record Computing(Fence fence, CompletableFuture<byte[]> answer) {
    }

    private static byte[] awaited(CompletableFuture<byte[]> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * {@code work} on a worker thread, answered within the fence's wait counted from the read's arrival: a database
     * that stops answering while an answer is computed makes the read a 503 in time, whatever the worker still waits
     * for (the driver gives that up by itself).
     */
    private Uni<byte[]> onWorker(Supplier<byte[]> work, long arrived) {
        long left = fence.waitLimit().toNanos() - (System.nanoTime() - arrived);
        return Uni.createFrom().item(work).runSubscriptionOn(workers)
                .ifNoItem().after(Duration.ofNanos(Math.max(1_000_000L, left)))
                .failWith(() -> new DatabaseUnavailableException("A discovery answer was not computed within "
                        + fence.waitLimit().toMillis() + " ms"));
    }

    /** Runs tasks on the Vert.x context of the calling request, where its answer is written; in place without one. */
    private static Executor callerContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    /** Computes {@code key}'s answer again in the background, once at a time, unless too many renewals wait. */
    private void renew(ShelfAnswers answers, String key, Supplier<Object> compute) {
        if (!renewing.add(key)) {
            return;
        }
        try {
            renewer.execute(() -> {
                try {
                    Fence now = fence.current();
                    byte[] answer = write(compute.get());
                    answers.entries.asMap().compute(key, (k, current) -> {
                        if (current != null && current.generation() > now.generation()) {
                            return current;
                        }
                        return answers.entry(now, answer);
                    });
                    renewals.increment();
                } catch (RuntimeException e) {
                    // the kept answer expires as usual and the next read computes it
                    LOG.debugf(e, "Renewing a cached discovery answer failed");
                } finally {
                    renewing.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            renewing.remove(key);
        }
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

    private static int weight(String key, Entry entry) {
        return key.length() * 2 + entry.answer().storedBytes() + ENTRY_OVERHEAD;
    }

    /**
     * A page in the ring weighs its bytes alone, and the shelf may name twice the bytes its ring holds: the ring
     * decides which pages stay (the oldest are overwritten), and an entry whose page was overwritten reads as absent
     * until it is replaced or pushed out.
     */
    private static int weightInRing(String key, Entry entry) {
        return entry.answer().storedBytes();
    }

    private static boolean valid(Entry entry, Fence now) {
        return entry != null && entry.generation() == now.generation()
                && (entry.horizon() == null || now.now().isBefore(entry.horizon()));
    }

    /** Whether what was computed under {@code then} may answer a read under {@code now}. */
    private static boolean valid(Fence then, Fence now) {
        return then.generation() == now.generation() && (then.horizon() == null || now.now().isBefore(then.horizon()));
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A discovery answer could not be serialised", e);
        }
    }

    /** {@code renewAt}: from then on, a read that finds the answer still valid has it renewed. */
    private record Entry(long generation, Instant horizon, Instant renewAt, StoredAnswer answer) {
    }

    /** One shelf's answers, within its share of the memory; in a ring when given one. */
    private final class ShelfAnswers {
        final long maxBytes;
        final Cache<String, Entry> entries;
        final PageRing ring;

        ShelfAnswers(long maxBytes, Duration maxAge, PageRing ring) {
            this.maxBytes = maxBytes;
            this.ring = ring;
            this.entries = Caffeine.newBuilder()
                    .maximumWeight(ring == null ? maxBytes : 2 * maxBytes)
                    .weigher(ring == null ? ReadCache::weight : ReadCache::weightInRing)
                    .expireAfterWrite(maxAge)
                    // evictions on the thread that added or read the answer, not in a shared pool: no answer is computed
                    // inside the map, so an eviction never waits for a query
                    .executor(Runnable::run)
                    .build();
        }

        /** {@code answer} kept as computed under {@code now}; null when it cannot be kept. */
        Entry entry(Fence now, byte[] answer) {
            StoredAnswer stored = ring == null ? StoredAnswer.of(answer, compression) : StoredAnswer.inRing(answer, ring);
            return stored == null ? null : new Entry(now.generation(), now.horizon(), now.now().plus(renewAfter), stored);
        }
    }
}
