package io.mcpgov.registry.common;

import java.util.List;

/** A refusal because the caller spent a budget: 429, with the seconds after which a retry may succeed. */
public class TooManyRequestsException extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String detail, Violation violation, long retryAfterSeconds) {
        super(429, "Too Many Requests", detail, List.of(violation));
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** The {@code Retry-After} value: whole seconds, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
