package io.mcpgov.registry.ownership;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Ownership settings; each one is documented in docs/configuration.md. */
@ConfigMapping(prefix = "registry.ownership")
public interface OwnershipConfig {

    /**
     * How recently a subject must have acted in the registry for the teams its token carried then to count when it is
     * named as a server's new accountable owner, in days.
     */
    @WithDefault("180")
    int knownSubjectMaxAgeDays();
}
