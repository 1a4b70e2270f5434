package io.mcpgov.registry.server;

import java.util.Arrays;
import java.util.Optional;

/** Lifecycle status of a server version, as the official registry defines it. */
public enum ServerStatus {
    ACTIVE("active"),
    DEPRECATED("deprecated"),
    DELETED("deleted");

    private final String wire;

    ServerStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ServerStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }
}
