package io.mcpgov.registry.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Decides which lines of a kind (a logger and a message template) are written: the first of each interval, and the
 * others only counted. The count reaches the log with the next line of that kind, or, when none follows, as a
 * summary once the interval has ended ({@link #due()}).
 */
final class LineFolder {

    /** A kind whose folded lines were not reported by a later line of its own; {@code example}: the first of them. */
    record Summary(String logger, String template, long folded, String example) {
    }

    private final long intervalNanos;
    private final int maxKinds;
    private final LongSupplier clock;
    private final Map<Kind, Window> windows = new ConcurrentHashMap<>();

    /** @param maxKinds kinds tracked at once; lines of further kinds are written unfolded */
    LineFolder(Duration interval, int maxKinds, LongSupplier nanoClock) {
        this.intervalNanos = interval.toNanos();
        this.maxKinds = maxKinds;
        this.clock = nanoClock;
    }

    /**
     * A line of this kind is to be written: -1 when it is folded instead; otherwise how many lines of the kind were
     * folded since the last one written (0 for none).
     */
    long offer(String logger, String template, Supplier<String> line) {
        Kind kind = new Kind(logger, template);
        Window window = windows.get(kind);
        if (window == null) {
            if (windows.size() >= maxKinds) {
                forgetQuietKinds();
                if (windows.size() >= maxKinds) {
                    return 0;
                }
            }
            window = windows.computeIfAbsent(kind, k -> new Window());
        }
        return window.offer(clock.getAsLong(), intervalNanos, line);
    }

    /** Kinds whose interval has ended with lines folded; their counts start again from 0. */
    List<Summary> due() {
        long now = clock.getAsLong();
        List<Summary> due = new ArrayList<>();
        windows.forEach((kind, window) -> {
            Summary summary = window.takeIfEnded(kind, now, intervalNanos);
            if (summary != null) {
                due.add(summary);
            }
        });
        return due;
    }

    private void forgetQuietKinds() {
        long now = clock.getAsLong();
        windows.entrySet().removeIf(entry -> entry.getValue().quiet(now, intervalNanos));
    }

    private record Kind(String logger, String template) {
    }

    /** One kind's current interval: when its first line was written, and how many were folded since. */
    private static final class Window {
        private long startedAt;
        private boolean started;
        private long folded;
        private String example;

        synchronized long offer(long now, long interval, Supplier<String> line) {
            if (started && now - startedAt < interval) {
                if (folded++ == 0) {
                    example = line.get();
                }
                return -1;
            }
            started = true;
            startedAt = now;
            long reported = folded;
            folded = 0;
            example = null;
            return reported;
        }

        synchronized Summary takeIfEnded(Kind kind, long now, long interval) {
            if (folded == 0 || now - startedAt < interval) {
                return null;
            }
            Summary summary = new Summary(kind.logger(), kind.template(), folded, example);
            folded = 0;
            example = null;
            return summary;
        }

        /** Its interval has ended and nothing is left to report. */
        synchronized boolean quiet(long now, long interval) {
            return folded == 0 && now - startedAt >= interval;
        }
    }
}
