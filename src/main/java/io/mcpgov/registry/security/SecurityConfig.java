package io.mcpgov.registry.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/**
 * How tokens map to registry roles and teams, and how long a verified token is kept. Each setting is documented in
 * docs/configuration.md.
 */
@ConfigMapping(prefix = "registry.security")
public interface SecurityConfig {
    /** Token claim (a path such as {@code groups} or {@code realm_access/roles}) that carries team names. */
    @WithDefault("groups")
    String teamClaim();

    /** Token role values that grant each registry role. */
    RoleValues roles();

    /** Bearer tokens already verified, accepted again without a second signature check within these limits. */
    TokenCache tokenCache();

    interface TokenCache {
        /** Most verified tokens kept; 0 verifies the signature of every token on every request. */
        @WithDefault("1000")
        int maxEntries();

        /** Longest a token is accepted without being verified again (never past its {@code exp}). */
        @WithDefault("1m")
        Duration maxAge();
    }

    interface RoleValues {
        @WithDefault("agent")
        List<String> agent();

        @WithDefault("publisher")
        List<String> publisher();

        @WithDefault("reviewer")
        List<String> reviewer();

        @WithDefault("admin")
        List<String> admin();

        @WithDefault("auditor")
        List<String> auditor();
    }
}
