package io.mcpgov.registry.decision;

import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Violation;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The four-eyes rule, the one rule for every reviewer's decision: whoever is party to what is decided (requested it,
 * published a version it is about, or is the server's accountable owner) may not decide it, whatever their roles.
 * Each kind of decision names its parties; this class alone judges and refuses.
 */
public final class FourEyes {

    public static final String RULE_ID = "four-eyes";

    private FourEyes() {
    }

    /** How {@code subject} is party to a decision with these parties; empty when not at all. */
    public static Set<Involvement> involvementOf(String subject, Collection<Party> parties) {
        Set<Involvement> found = EnumSet.noneOf(Involvement.class);
        for (Party party : parties) {
            if (party.subject() != null && party.subject().equals(subject)) {
                found.add(party.involvement());
            }
        }
        return found;
    }

    /**
     * Refuses (403, rule {@value #RULE_ID}) when {@code subject} is party to the decision: one violation per kind of
     * involvement, each message starting with its wire name. The message says "you", never the subject.
     *
     * @param describe what each involvement means for this kind of decision, e.g. "you requested this exception"
     */
    public static void check(String subject, Collection<Party> parties, Function<Involvement, String> describe) {
        Set<Involvement> involved = involvementOf(subject, parties);
        if (!involved.isEmpty()) {
            throw new ProblemException(403, "Forbidden", "Four eyes: whoever requested a decision, published a"
                    + " version it is about, or is the accountable owner of its server cannot decide it; another"
                    + " reviewer must.",
                    involved.stream().map(i -> new Violation(RULE_ID, "", i.wire() + ": " + describe.apply(i) + "."))
                            .toList());
        }
    }
}
