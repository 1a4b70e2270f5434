package io.mcpgov.registry.common;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Whether the application is stopping. Background work (scans, sweeps, deliveries) that is cut short by a stop finds
 * the database already closed; such a failure is expected, leaves its work for the next start, and is not reported
 * as an error.
 * <p>
 * A singleton, not a proxied bean: it is still asked while the container stops.
 */
@Singleton
public class Shutdown {

    private static final Logger LOG = Logger.getLogger(Shutdown.class);

    private volatile boolean started;

    /** First of the stop's observers, so that the others see the stop begun. */
    void begin(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        started = true;
    }

    public boolean started() {
        return started;
    }

    /** Runs {@code work}; a failure is thrown as usual, unless the stop has begun, when it is only logged (debug). */
    public void runUnlessStopped(String what, Runnable work) {
        if (started) {
            return;
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            if (!started) {
                throw e;
            }
            LOG.debugf("%s cut short by the stop: %s", what, e.getMessage());
        }
    }
}
