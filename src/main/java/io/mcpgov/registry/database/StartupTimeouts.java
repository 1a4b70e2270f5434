package io.mcpgov.registry.database;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What runs before the application has started is long work: schema migrations (an index built over a large table
 * takes minutes), the schema's validation, the sealing of audit events written before the chain existed. Until then
 * every connection the pool hands out gets the limits of long work; once started, this interceptor leaves the pool
 * and the pool's connections are replaced, so that request work only ever runs under its own limits.
 */
@Singleton
public class StartupTimeouts implements AgroalPoolInterceptor {

    private final DatabaseConfig config;
    private final Instance<AgroalDataSource> dataSource;
    private volatile boolean started;

    StartupTimeouts(DatabaseConfig config, Instance<AgroalDataSource> dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        if (started) {
            return;
        }
        try {
            // for the session: the connection is closed, not reused, once the application has started
            LongWork.raise(connection, config, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Raising the database limits for the start failed", e);
        }
    }

    /** After every other observer of the start (the audit chain's sealing among them). */
    void started(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event) {
        started = true;
        AgroalDataSource pool = dataSource.get();
        List<AgroalPoolInterceptor> others = pool.getPoolInterceptors().stream()
                .filter(i -> !(i instanceof StartupTimeouts)).toList();
        pool.setPoolInterceptors(others);
        // idle connections close now, those in use when they are returned; new ones start with the request limits
        pool.flush(AgroalDataSource.FlushMode.GRACEFUL);
    }
}
