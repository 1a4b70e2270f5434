package io.mcpgov.registry.classification;

import java.util.Arrays;
import java.util.Optional;

/**
 * How dangerous a tool is, from its MCP annotations (hints, absent ones taking the MCP defaults): {@code read-only}
 * when {@code readOnlyHint} is true; otherwise {@code write} when {@code destructiveHint} is false; otherwise
 * {@code destructive}. Declared in increasing order of danger.
 */
public enum ToolClassification {
    READ_ONLY("read-only"),
    WRITE("write"),
    DESTRUCTIVE("destructive");

    private final String wire;

    ToolClassification(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static ToolClassification of(boolean readOnly, boolean destructive) {
        if (readOnly) {
            return READ_ONLY;
        }
        return destructive ? DESTRUCTIVE : WRITE;
    }

    public static Optional<ToolClassification> fromWire(String wire) {
        return Arrays.stream(values()).filter(c -> c.wire.equals(wire)).findFirst();
    }

    public boolean moreDangerousThan(ToolClassification other) {
        return compareTo(other) > 0;
    }
}
