package io.mcpgov.registry.exception;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long API-key exceptions may run. Each setting is documented in docs/configuration.md. */
@ConfigMapping(prefix = "registry.exceptions")
public interface ExceptionsConfig {
    /** Longest a transitional exception may run, in days. */
    @WithDefault("90")
    int transitionalMaxDays();

    /** Longest until a permanent exception must be reviewed again, in days. */
    @WithDefault("365")
    int permanentMaxReviewDays();
}
