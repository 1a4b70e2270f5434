package io.mcpgov.registry.verification;

/**
 * One check applied to one remote.
 *
 * @param id           stable id: E*, P*, A* from the verification spec, D* for drift from the declaration
 * @param specRevision the MCP specification revision the rule (at this level) comes from, or {@code registry} for the
 *                     registry's own drift rules
 * @param observed     what was seen, in words; server-published values only, capped, never a secret
 */
public record CheckResult(String id, CheckLevel level, String specRevision, String observed) {
}
