package io.mcpgov.registry.outbound;

import java.time.Duration;

/**
 * Limits of one outbound fetch.
 *
 * @param allowHttpLoopback development switch: loopback addresses may be contacted, over https or plain http; never
 *                          on in production
 * @param maxBodyBytes      bytes read from a response body before reading stops and the result is marked truncated
 * @param connectTimeout    TCP (and TLS) connection set-up, per attempt
 * @param totalTimeout      whole fetch: DNS, connection, every redirect hop and the body
 * @param maxRedirects      redirect hops followed, each checked like the first URL (0 to 3)
 */
public record FetchSettings(boolean allowHttpLoopback, int maxBodyBytes, Duration connectTimeout,
                            Duration totalTimeout, int maxRedirects) {

    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_TOTAL_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_REDIRECTS = 3;

    public FetchSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || totalTimeout.isNegative() || totalTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxRedirects < 0 || maxRedirects > 3) {
            throw new IllegalArgumentException("maxRedirects must be between 0 and 3");
        }
    }

    /** The defaults with what every outbound request shares: the development switch and the connect timeout. */
    public static FetchSettings of(OutboundConfig config) {
        return defaults().withAllowHttpLoopback(config.allowHttpLoopback())
                .withTimeouts(config.connectTimeout(), DEFAULT_TOTAL_TIMEOUT);
    }

    public static FetchSettings defaults() {
        return new FetchSettings(false, DEFAULT_MAX_BODY_BYTES, DEFAULT_CONNECT_TIMEOUT, DEFAULT_TOTAL_TIMEOUT,
                DEFAULT_MAX_REDIRECTS);
    }

    public FetchSettings withAllowHttpLoopback(boolean allow) {
        return new FetchSettings(allow, maxBodyBytes, connectTimeout, totalTimeout, maxRedirects);
    }

    public FetchSettings withMaxBodyBytes(int bytes) {
        return new FetchSettings(allowHttpLoopback, bytes, connectTimeout, totalTimeout, maxRedirects);
    }

    public FetchSettings withTimeouts(Duration connect, Duration total) {
        return new FetchSettings(allowHttpLoopback, maxBodyBytes, connect, total, maxRedirects);
    }

    public FetchSettings withTotalTimeout(Duration total) {
        return new FetchSettings(allowHttpLoopback, maxBodyBytes, connectTimeout, total, maxRedirects);
    }

    public FetchSettings withMaxRedirects(int redirects) {
        return new FetchSettings(allowHttpLoopback, maxBodyBytes, connectTimeout, totalTimeout, redirects);
    }
}
