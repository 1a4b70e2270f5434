package io.mcpgov.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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

    private final GenerationFence fence;
    private final ObjectMapper json;
    private final boolean enabled;
    private final Cache<String, Entry> entries;
    // plain adders read by the meter registry when scraped: a registry counter's increment costs more than the hit
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    ReadCache(GenerationFence fence, ObjectMapper json, ReadCacheConfig config, MeterRegistry meters) {
        this.fence = fence;
        FunctionCounter.builder(METER, hits, LongAdder::sum).tag("result", "hit").register(meters);
        FunctionCounter.builder(METER, misses, LongAdder::sum).tag("result", "miss").register(meters);
        this.json = json;
        this.enabled = config.enabled();
        this.entries = Caffeine.newBuilder()
                .maximumWeight(config.maxBytes())
                .weigher((String key, Entry entry) -> key.length() * 2 + entry.body().length + 64)
                .expireAfterWrite(config.maxAge())
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
            return cached.body();
        }
        misses.increment();
        // one computation per key at a time: readers that miss together wait for it instead of repeating it
        return entries.asMap().compute(key, (k, current) -> valid(current, now) ? current
                : new Entry(now.generation(), now.horizon(), write(compute.get()))).body();
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

    private record Entry(long generation, Instant horizon, byte[] body) {
    }
}
