package io.mcpgov.registry.verification;

import io.mcpgov.registry.outbound.FetchSettings;
import io.mcpgov.registry.outbound.OutboundConfig;
import io.mcpgov.registry.outbound.SafeFetcher;
import io.vertx.core.Vertx;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The verifier, its SSRF-safe fetcher and the bounded pool verifications run on, configured from settings. */
public class VerifierBeans {

    @Produces
    @Singleton
    SafeFetcher fetcher(Vertx vertx, VerificationConfig config, OutboundConfig outbound) {
        FetchSettings settings = FetchSettings.of(outbound)
                .withMaxBodyBytes(config.maxResponseBytes())
                .withTotalTimeout(config.requestTimeout());
        return new SafeFetcher(vertx, settings);
    }

    void closeFetcher(@Disposes SafeFetcher fetcher) {
        fetcher.close();
    }

    @Produces
    @Singleton
    RemoteVerifier verifier(SafeFetcher fetcher, VerificationConfig config) {
        return new RemoteVerifier(fetcher, VerifierSettings.defaults().withBudget(config.budget()), Clock.systemUTC());
    }

    @Produces
    @Singleton
    @VerificationPool
    ExecutorService pool(VerificationConfig config) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(config.concurrency(), config.concurrency(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(config.maxQueued()), r -> {
                    Thread t = new Thread(r, "remote-verification");
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    void closePool(@Disposes @VerificationPool ExecutorService pool) {
        pool.shutdownNow();
    }
}
