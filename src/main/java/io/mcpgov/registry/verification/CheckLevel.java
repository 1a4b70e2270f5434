package io.mcpgov.registry.verification;

/** A MUST broken is FAIL, a SHOULD (or RECOMMENDED) broken is WARN, guidance is INFO; PASS when the rule holds. */
public enum CheckLevel {
    FAIL, WARN, INFO, PASS
}
