package io.mcpgov.registry.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fired synchronously inside the offboarding transaction, once, when a subject is first offboarded. Features that
 * keep decisions (exceptions, tool approvals, ...) observe it and {@link #flag} every decision still in force that
 * the person requested or took; the registry stores the flags, audits them and answers with them. Throwing rolls the
 * offboarding back.
 */
public final class SubjectOffboarded {

    /** A decision that needs to be taken again. {@code serverName} may be null. */
    public record Flag(String targetType, String targetId, String serverName, DecisionFlag.Role role) {
    }

    private final String subject;
    private final Instant at;
    private final List<Flag> flags = new ArrayList<>();

    public SubjectOffboarded(String subject, Instant at) {
        this.subject = subject;
        this.at = at;
    }

    public String subject() {
        return subject;
    }

    public Instant at() {
        return at;
    }

    public void flag(String targetType, String targetId, String serverName, DecisionFlag.Role role) {
        flags.add(new Flag(targetType, targetId, serverName, role));
    }

    /**
     * Flags a decision still in force for each part the subject played in it: {@code requested} when they asked for
     * it, {@code decided} when they took it.
     */
    public void flagParts(String targetType, Decision decision) {
        if (subject.equals(decision.requestedBy)) {
            flag(targetType, decision.id.toString(), decision.serverName, DecisionFlag.Role.REQUESTED);
        }
        if (subject.equals(decision.decidedBy)) {
            flag(targetType, decision.id.toString(), decision.serverName, DecisionFlag.Role.DECIDED);
        }
    }

    public List<Flag> flags() {
        return List.copyOf(flags);
    }
}
