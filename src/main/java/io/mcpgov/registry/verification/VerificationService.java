package io.mcpgov.registry.verification;

import io.mcpgov.registry.classification.RemoteAuth;
import io.mcpgov.registry.common.Shutdown;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.publish.VersionPublished;
import io.mcpgov.registry.publish.VersionStoring;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs verifications: after a publish (once it committed, never inside its transaction), on the schedule, and on
 * request. Probes run on a bounded pool, so slow or hanging servers cannot hold request threads or each other up
 * beyond the per-remote budget.
 */
@ApplicationScoped
public class VerificationService {

    private static final Logger LOG = Logger.getLogger(VerificationService.class);

    private final RemoteVerifier verifier;
    private final VerificationRecorder recorder;
    private final ExecutorService pool;
    private final VerificationConfig config;
    private final Shutdown shutdown;

    VerificationService(RemoteVerifier verifier, VerificationRecorder recorder, @VerificationPool ExecutorService pool,
            VerificationConfig config, Shutdown shutdown) {
        this.shutdown = shutdown;
        this.verifier = verifier;
        this.recorder = recorder;
        this.pool = pool;
        this.config = config;
    }

    /** Inside the publish transaction, before the insert: the entry starts unverified and is claimed for its first check. */
    void prepare(@Observes VersionStoring storing) {
        var entry = storing.entry();
        entry.oauthVerification = storing.profile().hasOauth() ? "unverified" : "not-applicable";
        boolean hasRemotes = !storing.profile().remotes().isEmpty();
        Instant now = Times.now();
        boolean checkedRightAway = config.enabled() && !storing.bulk();
        entry.verificationDueAt = !hasRemotes ? null : checkedRightAway ? now.plus(config.interval()) : now;
    }

    void afterPublish(@Observes(during = TransactionPhase.AFTER_SUCCESS) VersionPublished published) {
        if (config.enabled() && !published.bulk() && !published.profile().remotes().isEmpty()) {
            submit(published.entry().id);
        }
    }

    /** How many more checks the pool can take without refusing. */
    int room() {
        return pool instanceof ThreadPoolExecutor executor ? executor.getQueue().remainingCapacity() : config.batchSize();
    }

    /**
     * When the application stops, checks not started yet are dropped and those under way interrupted, and they are
     * given a few seconds to end before the database closes under them. Their versions were claimed: they are due
     * again when the claim ends, as after a crash.
     */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** Queues a check; when the pool is full the version is left due for the next scan. */
    public void submit(long versionId) {
        try {
            pool.execute(() -> runInRequestContext(versionId));
        } catch (RejectedExecutionException e) {
            if (pool.isShutdown()) {
                return; // stopping: the claim ends and the version is due again
            }
            LOG.debugf("Verification queue full; version %d waits for the next scan", versionId);
            recorder.dueNow(versionId);
        }
    }

    /** Checks a version now, on the calling thread, and records it as asked for by the caller. */
    public VerificationView verifyNow(long versionId) {
        VerificationTarget target = recorder.target(versionId).orElse(null);
        return target == null ? null : recorder.store(target, probe(target), true);
    }

    private void runInRequestContext(long versionId) {
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            recorder.target(versionId).ifPresent(target -> recorder.store(target, probe(target), false));
        } catch (RuntimeException e) {
            if (shutdown.started()) {
                LOG.debugf("Verification of version %d cut short by the stop: %s", versionId, e.getMessage());
                return;
            }
            LOG.warnf(e, "Verification of version %d failed; it is retried on the next scan", versionId);
        } finally {
            context.terminate();
        }
    }

    private List<RemoteVerification> probe(VerificationTarget target) {
        List<RemoteVerification> results = new ArrayList<>();
        for (RemoteAuth remote : target.remotes()) {
            results.add(verifier.verify(remote.url(), remote.transport(), target.declared(remote)));
        }
        return results;
    }
}
