package io.mcpgov.registry.server;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
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
        this.sql = "SELECT generation, now(), " + horizon + " FROM registry_generation WHERE id = 1";
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
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            OffsetDateTime horizon = rs.getObject(3, OffsetDateTime.class);
            return new Fence(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                    horizon == null ? null : horizon.toInstant());
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the change counter failed", e);
        }
    }
}
