package io.mcpgov.registry.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Governance events: their CloudEvents source, webhook delivery and the expiry sweep. */
@ConfigMapping(prefix = "registry.events")
public interface EventsConfig {

    /** The CloudEvents {@code source} of every event (a URI reference naming this registry). */
    @WithDefault("urn:io.mcpgov.registry")
    String source();

    /** How often an instance looks for webhook deliveries that are due (it also looks right after each change). */
    @WithDefault("2s")
    String dispatchEvery();

    /** Deliveries one look claims at most. */
    @WithDefault("100")
    int batchSize();

    /** Attempts before a delivery is given up as failed (admins can replay it). */
    @WithDefault("12")
    int maxAttempts();

    /** Wait before the first retry; it doubles with every attempt. */
    @WithDefault("2s")
    Duration backoffBase();

    /** The longest wait between retries. */
    @WithDefault("1h")
    Duration backoffMax();

    /** Limit of one delivery request. */
    @WithDefault("10s")
    Duration requestTimeout();

    /**
     * Webhook subscriptions the registry keeps at most; a new one beyond it is refused (409 webhook-limit-reached)
     * until one is removed.
     */
    @WithDefault("50")
    int maxWebhooks();

    /** How often an instance looks for exceptions that ended, to announce them. */
    @WithDefault("30s")
    String expirySweepEvery();
}
