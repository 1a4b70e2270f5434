package io.mcpgov.registry.server;

import io.agroal.api.AgroalDataSource;
import io.mcpgov.registry.common.DatabaseUnavailableException;
import io.mcpgov.registry.database.DatabaseConfig;
import io.quarkus.arc.All;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Tells a read the registry's current change counter, read from the database by a query that started after the read
 * arrived — so a cached answer checked against it reflects every change committed before the read, on any instance.
 * Concurrent reads share queries: one runs at a time, on a thread of its own, and every read that arrived while it
 * ran is answered by the next one, which keeps the database to one small query per round trip however heavy the load
 * and lets a read wait for it without holding a thread.
 * <p>
 * A database that stops answering cannot hold reads: no read waits for the counter longer than
 * {@code registry.database.network-timeout} from its arrival (checked a few times a second by a watchdog, so that a
 * read costs no timer of its own). A round whose reads have waited that long fails them and those waiting for the
 * next round, and until its query returns (the driver gives it up after the same time) new reads fail at once
 * instead of queueing behind it.
 * Either way the read is answered 503; the thread then goes on with the next round, so reads succeed again as soon as
 * the database answers.
 */
@ApplicationScoped
public class GenerationFence {

    private static final String MICROS = "(extract(epoch FROM %s) * 1000000)::bigint";

    private final AgroalDataSource dataSource;
    private final String sql;
    private final long waitMillis;
    private final ExecutorService rounds = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "change-counter");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "change-counter-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final Object lock = new Object();
    private List<CompletableFuture<Fence>> waiting = new ArrayList<>();
    /** The reads of the round whose query runs; null between rounds. */
    private List<CompletableFuture<Fence>> inFlight;
    /** When the first read of the round in flight, and of those waiting, arrived ({@link System#nanoTime()}). */
    private long inFlightSince;
    private long waitingSince;
    /** The round in flight has not answered in time: new reads fail at once until its query returns. */
    private boolean stalled;
    private boolean running;
    private boolean stopped;
    private boolean watched;

    @Inject
    GenerationFence(AgroalDataSource dataSource, @All List<ListingHorizon> horizons, DatabaseConfig database) {
        this(dataSource, horizons, database.networkTimeout());
    }

    /** {@code wait}: longest a read waits for the counter before it is failed. */
    GenerationFence(AgroalDataSource dataSource, List<ListingHorizon> horizons, Duration wait) {
        this.dataSource = dataSource;
        this.waitMillis = Math.max(1, wait.toMillis());
        String horizon = horizons.isEmpty() ? "NULL::timestamptz" : horizons.size() == 1
                ? horizons.get(0).nextChangeSql()
                : horizons.stream().map(ListingHorizon::nextChangeSql).collect(Collectors.joining(", ", "LEAST(", ")"));
        // times as epoch microseconds: cheaper to read than timestamps, on the hottest query of the registry
        this.sql = "SELECT generation, " + MICROS.formatted("now()") + ", " + MICROS.formatted(horizon)
                + " FROM registry_generation WHERE id = 1";
    }

    /** The counter from a query that starts after this call; completed on the fence's thread. */
    public CompletionStage<Fence> next() {
        CompletableFuture<Fence> read = new CompletableFuture<>();
        boolean start;
        synchronized (lock) {
            if (stopped) {
                read.completeExceptionally(stopping(null));
                return read;
            }
            if (stalled) {
                read.completeExceptionally(notAnswering());
                return read;
            }
            if (waiting.isEmpty()) {
                waitingSince = System.nanoTime();
            }
            waiting.add(read);
            start = !running;
            running = true;
            if (!watched) {
                watched = true;
                long period = Math.max(10, Math.min(250, waitMillis / 4));
                watchdog.scheduleWithFixedDelay(this::stallIfLate, period, period, TimeUnit.MILLISECONDS);
            }
        }
        if (start) {
            try {
                rounds.execute(this::runRounds);
            } catch (RejectedExecutionException e) {
                failWaiting(e);
            }
        }
        return read;
    }

    /** Longest a read waits for the counter. */
    Duration waitLimit() {
        return Duration.ofMillis(waitMillis);
    }

    /** {@link #next()}, waited for. */
    public Fence current() {
        try {
            return next().toCompletableFuture().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void runRounds() {
        while (true) {
            List<CompletableFuture<Fence>> round;
            synchronized (lock) {
                if (waiting.isEmpty()) {
                    running = false;
                    return;
                }
                round = waiting;
                waiting = new ArrayList<>();
                inFlight = round;
                // a read's wait counts from its arrival, the round it waited for included
                inFlightSince = waitingSince;
            }
            Fence fence;
            try {
                fence = query();
            } catch (Throwable e) {
                // the thread goes on: the next round may succeed, and no read is left waiting
                roundEnded();
                round.forEach(read -> read.completeExceptionally(e));
                continue;
            }
            roundEnded();
            round.forEach(read -> read.complete(fence));
        }
    }

    private void roundEnded() {
        synchronized (lock) {
            inFlight = null;
            stalled = false;
        }
    }

    /**
     * Reads that have waited too long fail now: those of a round whose query has not answered in time (and then
     * those waiting for the next round too, which arrived later but would wait for that query first), or waiting
     * reads whose round has not begun in time.
     */
    private void stallIfLate() {
        List<CompletableFuture<Fence>> failed;
        synchronized (lock) {
            long now = System.nanoTime();
            long limit = TimeUnit.MILLISECONDS.toNanos(waitMillis);
            if (inFlight != null && !stalled && now - inFlightSince >= limit) {
                stalled = true;
                failed = new ArrayList<>(inFlight);
                failed.addAll(waiting);
            } else if (!waiting.isEmpty() && now - waitingSince >= limit) {
                failed = waiting;
            } else {
                return;
            }
            waiting = new ArrayList<>();
        }
        DatabaseUnavailableException e = notAnswering();
        failed.forEach(read -> read.completeExceptionally(e));
    }

    private DatabaseUnavailableException notAnswering() {
        return new DatabaseUnavailableException("The change counter was not read within " + waitMillis + " ms");
    }

    @PreDestroy
    void stop() {
        synchronized (lock) {
            stopped = true;
        }
        rounds.shutdownNow();
        watchdog.shutdownNow();
        failWaiting(null);
    }

    /** Fails every read waiting for a round that will not run. */
    private void failWaiting(Throwable cause) {
        List<CompletableFuture<Fence>> refused;
        synchronized (lock) {
            running = false;
            refused = waiting;
            waiting = new ArrayList<>();
            if (inFlight != null) {
                refused.addAll(inFlight);
            }
        }
        IllegalStateException stopping = stopping(cause);
        refused.forEach(read -> read.completeExceptionally(stopping));
    }

    private static IllegalStateException stopping(Throwable cause) {
        return new IllegalStateException("The registry is stopping", cause);
    }

    /** One round's query; package-private so that tests can stand in for the database. */
    Fence query() {
        // prepared, so that the driver keeps it parsed and the server keeps it planned on each pooled connection
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            long generation = rs.getLong(1);
            Instant now = micros(rs.getLong(2));
            long horizon = rs.getLong(3);
            return new Fence(generation, now, rs.wasNull() ? null : micros(horizon));
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the change counter failed", e);
        }
    }

    private static Instant micros(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1000);
    }
}
