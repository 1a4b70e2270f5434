package io.mcpgov.registry.database;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the database answers a query through the pool, as requests would. The query runs on a thread of its
 * own and the check waits for it at most {@code registry.database.readiness-timeout}: a database that stops
 * answering makes the check DOWN in that time, never hang. One probe runs at a time; a check that finds one still
 * running waits for it rather than starting another, so probes cannot pile up while the database is away.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "Database";

    private final AgroalDataSource dataSource;
    private final DatabaseConfig config;
    private final ExecutorService probes = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "database-readiness");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Void> running;

    DatabaseReadiness(AgroalDataSource dataSource, DatabaseConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            probe().get(config.readinessTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return HealthCheckResponse.up(NAME);
        } catch (TimeoutException e) {
            return down("no answer within " + config.readinessTimeout().toMillis() + " ms");
        } catch (ExecutionException e) {
            return down(reason(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private synchronized CompletableFuture<Void> probe() {
        if (running == null || running.isDone()) {
            try {
                running = CompletableFuture.runAsync(this::query, probes);
            } catch (RejectedExecutionException e) {
                running = CompletableFuture.failedFuture(new IllegalStateException("stopping"));
            }
        }
        return running;
    }

    private void query() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The failure's SQL state: the check is public, so neither the server's address nor its messages are shown. */
    private static String reason(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return "query failed, SQL state " + sql.getSQLState();
            }
        }
        return "query failed";
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named(NAME).down().withData("reason", reason).build();
    }

    @PreDestroy
    void stop() {
        probes.shutdownNow();
    }
}
