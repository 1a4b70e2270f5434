package io.mcpgov.registry.local;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The local run's embedded PostgreSQL (read before the application starts, by LocalPostgresConfigSourceFactory;
 * declared here so that the settings are validated and documented).
 */
@ConfigMapping(prefix = "registry.local-postgres")
public interface LocalPostgresConfig {
    /** Start an embedded PostgreSQL when no JDBC URL is configured (on in the dev profile). */
    @WithDefault("false")
    boolean enabled();

    /** Where its data lives across restarts. */
    @WithDefault(".local/postgres")
    String dataDir();

    /** Its port on localhost; 0 picks a free one. */
    @WithDefault("0")
    int port();
}
