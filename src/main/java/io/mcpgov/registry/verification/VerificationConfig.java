package io.mcpgov.registry.verification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** When and how the registry probes remotes, and what a failed OAuth claim means for listing. */
@ConfigMapping(prefix = "registry.verification")
public interface VerificationConfig {

    /** Probe remotes after publish and on the schedule (the on-demand operation works either way). */
    @WithDefault("true")
    boolean enabled();

    /** What an OAuth claim that is not verified means for listing. */
    @WithDefault("hide-failed")
    ListingPolicy listing();

    /** How often each version's remotes are checked again. */
    @WithDefault("6h")
    Duration interval();

    /** How often the scheduler looks for versions due for a check. */
    @WithDefault("10s")
    String scanEvery();

    /** Versions one scan claims at most (and never more than the pool has room for). */
    @WithDefault("200")
    int batchSize();

    /** Verifications running at once on one instance. */
    @WithDefault("4")
    int concurrency();

    /** Verifications waiting for a free slot; more are left for the next scan. */
    @WithDefault("1000")
    int maxQueued();

    /** Wall-clock limit of one remote's whole verification. */
    @WithDefault("20s")
    Duration budget();

    /** Limit of one probe: everything, redirects and body included (its connection set-up is the outbound client's). */
    @WithDefault("5s")
    Duration requestTimeout();

    /** Bytes read from one response at most. */
    @WithDefault("262144")
    int maxResponseBytes();

    /**
     * The earlier name of {@code registry.outbound.allow-http-loopback}, still read through
     * {@link io.mcpgov.registry.common.RenamedSettings}; declared so that a configuration that sets it starts.
     */
    @Deprecated
    Optional<Boolean> allowHttpLoopback();

    /** The earlier name of {@code registry.outbound.connect-timeout}; as above. */
    @Deprecated
    Optional<Duration> connectTimeout();

    enum ListingPolicy {
        /** Never hide for verification; findings are shown as warnings. */
        WARN,
        /** Hide when a MUST check fails (default); unverified and unreachable claims are listed with a warning. */
        HIDE_FAILED,
        /** Hide until the OAuth claim is verified. */
        HIDE_UNVERIFIED
    }
}
