package io.mcpgov.registry.outbound;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a fetch produced no usable response. */
public enum FetchFailure {
    /** The SSRF guard refused the URL or one of its redirect hops; nothing was sent. */
    REFUSED("refused", false),
    DNS_FAILED("dns-failed", true),
    CONNECT_FAILED("connect-failed", true),
    TLS_FAILED("tls-failed", false),
    TIMEOUT("timeout", true),
    TOO_MANY_REDIRECTS("too-many-redirects", false),
    IO_ERROR("io-error", true);

    private final String id;
    private final boolean transientFailure;

    FetchFailure(String id, boolean transientFailure) {
        this.id = id;
        this.transientFailure = transientFailure;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** True when trying again later may succeed; false when the failure says something about the server's set-up. */
    public boolean isTransient() {
        return transientFailure;
    }
}
