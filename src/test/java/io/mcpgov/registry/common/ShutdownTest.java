package io.mcpgov.registry.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.runtime.ShutdownEvent;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShutdownTest {

    @Test
    void backgroundWorkFailsAsUsualWhileRunning() {
        Shutdown shutdown = new Shutdown();
        AtomicInteger runs = new AtomicInteger();
        shutdown.runUnlessStopped("work", runs::incrementAndGet);
        assertEquals(1, runs.get());
        assertThrows(IllegalStateException.class, () -> shutdown.runUnlessStopped("work", () -> {
            throw new IllegalStateException("database down");
        }));
        assertFalse(shutdown.started());
    }

    @Test
    void aFailureCausedByTheStopIsNotThrown() {
        Shutdown shutdown = new Shutdown();
        shutdown.runUnlessStopped("work", () -> {
            shutdown.begin(new ShutdownEvent());
            throw new IllegalStateException("EntityManagerFactory is closed");
        });
        assertTrue(shutdown.started());
    }

    @Test
    void noWorkStartsOnceStopping() {
        Shutdown shutdown = new Shutdown();
        shutdown.begin(new ShutdownEvent());
        AtomicInteger runs = new AtomicInteger();
        shutdown.runUnlessStopped("work", runs::incrementAndGet);
        assertEquals(0, runs.get());
    }
}
