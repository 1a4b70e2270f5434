package io.mcpgov.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Serialised discovery answers, kept per instance and served only while nothing has changed: an answer is valid for
 * the change counter it was computed under and until the earliest listing horizon then known (an exception's end).
 * Every read first asks the {@link GenerationFence}, so a change committed on any instance, or a horizon passing, is
 * seen by the next read; the cache saves the query and the serialisation, never correctness.
 */
@ApplicationScoped
public class ReadCache {

    /** Discovery reads answered by the cache, by result: {@code hit} (from memory) or {@code miss} (computed). */
    static final String METER = "registry.read.cache";
    /** Memory taken by an entry besides its key and answer: the entry and the cache's node. */
    private static final int ENTRY_OVERHEAD = 64;

    private final GenerationFence fence;
    private final ObjectMapper json;
    private final boolean enabled;
    private final Cache<String, Entry> entries;
    // plain adders read by the meter registry when scraped: a registry counter's increment costs more than the hit
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    /** What the kept answers weigh, as the cache counts it. */
    private final LongAdder kept = new LongAdder();
    private final long maxBytes;

    ReadCache(GenerationFence fence, ObjectMapper json, ReadCacheConfig config, MeterRegistry meters) {
        this.fence = fence;
        FunctionCounter.builder(METER, hits, LongAdder::sum).tag("result", "hit").register(meters);
        FunctionCounter.builder(METER, misses, LongAdder::sum).tag("result", "miss").register(meters);
        this.json = json;
        this.enabled = config.enabled();
        this.maxBytes = config.maxBytes();
        this.entries = Caffeine.newBuilder()
                .maximumWeight(config.maxBytes())
                .weigher(ReadCache::weight)
                .expireAfterWrite(config.maxAge())
                // on the thread that dropped the answer, so that what is kept is known at once
                .executor(Runnable::run)
                .removalListener((String key, Entry entry, RemovalCause cause) -> kept.add(-weight(key, entry)))
                .build();
    }

    /** The JSON answer for {@code key}, from memory when still valid, otherwise computed and kept. */
    public byte[] get(String key, Supplier<Object> compute) {
        if (!enabled) {
            return write(compute.get());
        }
        Fence now = fence.current();
        Entry cached = entries.getIfPresent(key);
        if (valid(cached, now)) {
            hits.increment();
            return cached.answer().read();
        }
        misses.increment();
        // one computation per key at a time: readers that miss together wait for it instead of repeating it
        byte[][] answer = new byte[1][];
        entries.asMap().compute(key, (k, current) -> {
            if (valid(current, now)) {
                answer[0] = current.answer().read();
                return current;
            }
            answer[0] = write(compute.get());
            // compressed only once half the memory is taken: a cache that holds everything is read fastest as it is
            Entry entry = new Entry(now.generation(), now.horizon(), StoredAnswer.of(answer[0], kept.sum() > maxBytes / 2));
            kept.add(weight(k, entry));
            return entry;
        });
        return answer[0];
    }

    private static int weight(String key, Entry entry) {
        return key.length() * 2 + entry.answer().storedBytes() + ENTRY_OVERHEAD;
    }

    private static boolean valid(Entry entry, Fence now) {
        return entry != null && entry.generation() == now.generation()
                && (entry.horizon() == null || now.now().isBefore(entry.horizon()));
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A discovery answer could not be serialised", e);
        }
    }

    private record Entry(long generation, Instant horizon, StoredAnswer answer) {
    }
}
