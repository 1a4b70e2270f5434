package io.mcpgov.registry.server;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Tells a read the registry's current change counter, read from the database by a query that started after the read
 * arrived — so a cached answer checked against it reflects every change committed before the read, on any instance.
 * Concurrent reads share queries: one runs at a time, and every read waiting for it is answered by the next one to
 * start, which keeps the database to one small query per round trip however heavy the load.
 */
@ApplicationScoped
public class GenerationFence {

    private static final String MICROS = "(extract(epoch FROM %s) * 1000000)::bigint";

    private final AgroalDataSource dataSource;
    private final String sql;

    private final Object lock = new Object();
    private long roundsStarted;
    private long roundsDone;
    private boolean running;
    private Fence last;
    private RuntimeException failure;

    GenerationFence(AgroalDataSource dataSource, @All List<ListingHorizon> horizons) {
        this.dataSource = dataSource;
        String horizon = horizons.isEmpty() ? "NULL::timestamptz" : horizons.size() == 1
                ? horizons.get(0).nextChangeSql()
                : horizons.stream().map(ListingHorizon::nextChangeSql).collect(Collectors.joining(", ", "LEAST(", ")"));
        // times as epoch microseconds: cheaper to read than timestamps, on the hottest query of the registry
        this.sql = "SELECT generation, " + MICROS.formatted("now()") + ", " + MICROS.formatted(horizon)
                + " FROM registry_generation WHERE id = 1";
    }

    public Fence current() {
        long needed;
        synchronized (lock) {
            needed = roundsStarted + 1;
            while (true) {
                if (roundsDone >= needed) {
                    if (failure != null) {
                        throw failure;
                    }
                    return last;
                }
                if (!running) {
                    running = true;
                    roundsStarted++;
                    break;
                }
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while reading the change counter", e);
                }
            }
        }
        Fence fence = null;
        RuntimeException error = null;
        try {
            fence = query();
        } catch (RuntimeException e) {
            error = e;
        }
        synchronized (lock) {
            running = false;
            roundsDone = roundsStarted;
            last = fence;
            failure = error;
            lock.notifyAll();
            if (error != null) {
                throw error;
            }
            return fence;
        }
    }

    private Fence query() {
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
