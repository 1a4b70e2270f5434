package io.mcpgov.registry.decision;

/**
 * How a person is party to what a decision is about; any of them keeps that person from deciding it (four eyes).
 * The wire name appears in the refusal.
 */
public enum Involvement {
    /** Asked for the decision: requested the exception, or published the version that put it in the queue. */
    REQUESTER("requester"),
    /** Published a version the decision is about: one it covers, one that carries the tool, the one admitted. */
    PUBLISHER("publisher"),
    /** Is the accountable owner of the server the decision is about. */
    ACCOUNTABLE_OWNER("accountable-owner");

    private final String wire;

    Involvement(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}
