package io.mcpgov.registry.common;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The registry's clock, at the precision PostgreSQL stores, so what is returned equals what is read back later. */
public final class Times {

    private Times() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
