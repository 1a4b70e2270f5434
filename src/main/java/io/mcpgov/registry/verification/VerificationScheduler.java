package io.mcpgov.registry.verification;

import io.mcpgov.registry.common.Shutdown;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Looks for versions whose remotes are due for another check, so drift is caught; instances share the work. */
@ApplicationScoped
class VerificationScheduler {

    private final VerificationRecorder recorder;
    private final VerificationService service;
    private final VerificationConfig config;
    private final Shutdown shutdown;

    VerificationScheduler(VerificationRecorder recorder, VerificationService service, VerificationConfig config,
            Shutdown shutdown) {
        this.shutdown = shutdown;
        this.recorder = recorder;
        this.service = service;
        this.config = config;
    }

    @Scheduled(every = "${registry.verification.scan-every:10s}", delayed = "${registry.verification.scan-every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        if (!config.enabled()) {
            return;
        }
        int claim = Math.min(config.batchSize(), service.room());
        if (claim <= 0) {
            return;
        }
        shutdown.runUnlessStopped("Verification scan", () -> {
            for (long id : recorder.claimDue(claim)) {
                service.submit(id);
            }
        });
    }
}
