package io.mcpgov.registry.verification;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The outcome for one remote. See {@link RemoteVerifier} for the exact rules.
 */
public enum Verdict {
    VERIFIED("verified"),
    FAILED("failed"),
    UNREACHABLE("unreachable"),
    NOT_APPLICABLE("not-applicable");

    private final String id;

    Verdict(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
