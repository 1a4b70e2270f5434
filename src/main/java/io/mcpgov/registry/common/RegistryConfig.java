package io.mcpgov.registry.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Every registry setting, with its default. Each one is documented in docs/configuration.md. */
@ConfigMapping(prefix = "registry")
public interface RegistryConfig {

    Read read();

    Publish publish();

    Security security();

    Policy policy();

    Exceptions exceptions();

    LocalPostgres localPostgres();

    interface Read {
        /** Let callers without a token read listed entries (for clients that cannot send tokens yet). */
        @WithDefault("false")
        boolean anonymous();
    }

    interface Publish {
        /** Largest server.json accepted by publish and validate, in bytes. */
        @WithDefault("524288")
        int maxDocumentBytes();

        /** Development only: accept plain http remotes on loopback addresses. */
        @WithDefault("false")
        boolean allowHttpLoopback();

        /** Versions one server may have, as in the official registry. */
        @WithDefault("10000")
        int maxVersionsPerServer();
    }

    interface Security {
        /** Token claim (a path such as {@code groups} or {@code realm_access/roles}) that carries team names. */
        @WithDefault("groups")
        String teamClaim();

        /** Token role values that grant each registry role. */
        Roles roles();

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

        interface Roles {
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

    interface Policy {
        /** Count packages that need a secret environment variable as API-key ways to use a server. */
        @WithDefault("true")
        boolean packagesWithSecretsAreApiKey();

        /** List servers whose remotes need no credential at all (labelled {@code none}). */
        @WithDefault("true")
        boolean listUnauthenticated();
    }

    interface Exceptions {
        /** Longest a transitional exception may run, in days. */
        @WithDefault("90")
        int transitionalMaxDays();

        /** Longest until a permanent exception must be reviewed again, in days. */
        @WithDefault("365")
        int permanentMaxReviewDays();
    }

    /**
     * The local run's embedded PostgreSQL (read before the application starts, by LocalPostgresConfigSourceFactory;
     * declared here so that the settings are validated and documented).
     */
    interface LocalPostgres {
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
}
