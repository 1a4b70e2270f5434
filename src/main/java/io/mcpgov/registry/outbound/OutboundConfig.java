package io.mcpgov.registry.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * What every outbound request shares, whoever makes it (verification, webhook deliveries, imports); how long a whole
 * request may take and how much of its answer is read stay with each user.
 */
@ConfigMapping(prefix = "registry.outbound")
public interface OutboundConfig {

    /** Development only: plain http and loopback addresses may be contacted (never in production). */
    @WithDefault("false")
    boolean allowHttpLoopback();

    /** Limit of one request's connection set-up (TCP and TLS), per attempt. */
    @WithDefault("3s")
    Duration connectTimeout();
}
