package io.mcpgov.registry.tool;

import java.util.Arrays;
import java.util.Optional;

/**
 * A tool's approval state as agents and reviewers see it. {@code not-required} is never stored: it is the state of
 * tools that need no review (not destructive, no findings).
 */
public enum ReviewState {
    NOT_REQUIRED("not-required"),
    PENDING("pending"),
    APPROVED("approved"),
    REJECTED("rejected"),
    REVOKED("revoked");

    private final String wire;

    ReviewState(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ReviewState> fromWire(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }

    /**
     * Whether agents may use a tool in this state: a tool that requires approval (destructive) only once approved;
     * any other tool unless a reviewer rejected it or revoked its approval.
     */
    public boolean available(boolean requiresApproval) {
        if (requiresApproval) {
            return this == APPROVED;
        }
        return this != REJECTED && this != REVOKED;
    }

    /** The same rule in SQL, over a review state column (null: no review row) and whether approval is required. */
    static String availableSql(String stateColumn, String requiresApprovalExpression) {
        return "(CASE WHEN " + requiresApprovalExpression + " THEN coalesce(" + stateColumn + " = 'approved', FALSE)"
                + " ELSE coalesce(" + stateColumn + " NOT IN ('rejected', 'revoked'), TRUE) END)";
    }
}
