package io.mcpgov.registry.exception;

import java.util.Arrays;

/** Life cycle of an exception. {@code expired} is never stored: it is an approved or pending one past its end. */
public enum ExceptionState {
    PENDING("pending"),
    APPROVED("approved"),
    REJECTED("rejected"),
    REVOKED("revoked"),
    EXPIRED("expired");

    private final String wire;

    ExceptionState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static ExceptionState fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown exception state " + value));
    }
}
