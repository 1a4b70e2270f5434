package io.mcpgov.registry.secrets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The sweep that scans stored versions again when the secret scan's rules change. */
@ConfigMapping(prefix = "registry.secrets")
public interface SecretsConfig {

    /**
     * How often an instance looks for stored versions not yet scanned with the current rules; it also looks at
     * start. Instances share the work.
     */
    @WithDefault("1h")
    String sweepEvery();

    /** Versions scanned in one transaction of the sweep, each read with its document: bounds the sweep's memory. */
    @WithDefault("50")
    int sweepBatchSize();
}
