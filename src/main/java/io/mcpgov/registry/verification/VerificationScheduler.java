package io.mcpgov.registry.verification;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Looks for versions whose remotes are due for another check, so drift is caught; instances share the work. */
@ApplicationScoped
class VerificationScheduler {

    private final VerificationStore store;
    private final VerificationService service;
    private final VerificationConfig config;

    VerificationScheduler(VerificationStore store, VerificationService service, VerificationConfig config) {
        this.store = store;
        this.service = service;
        this.config = config;
    }

    @Scheduled(every = "${registry.verification.scan-every:60s}", delayed = "${registry.verification.scan-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        if (!config.enabled()) {
            return;
        }
        for (long id : store.claimDue(config.batchSize())) {
            service.submit(id);
        }
    }
}
