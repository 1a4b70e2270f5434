package io.mcpgov.registry.log;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The registry's log (read by {@link FoldRepeatedLines}, which Quarkus builds before the application's beans; declared
 * here so that the setting is validated and documented).
 */
@ConfigMapping(prefix = "registry.log")
public interface LogConfig {

    String FOLD_INTERVAL = "10s";

    /**
     * Warnings and errors of one kind (the same logger and message template) are written once per this interval; the
     * others are counted, and the count is written with the next one, or on a line of its own once the interval has
     * ended. 0 writes every line.
     */
    @WithDefault(FOLD_INTERVAL)
    Duration foldInterval();
}
