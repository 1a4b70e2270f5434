package io.mcpgov.registry.change;

import io.mcpgov.registry.common.BeforeCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * The registry's change counter (stored by {@link ChangeCounterRepository}): it moves with every committed change to
 * what agents may reach, in commit order, so that an answer computed under one value is still right while the counter
 * keeps it. Discovery caches on every instance compare against it before they answer. This class alone moves and
 * reads it.
 * <p>
 * A transaction that changes what agents may reach (what discovery answers say, for any reader) calls
 * {@link #moveAtCommit()}; one that changes nothing they see (a refused write, a check repeated with the same
 * result) does not, so that it does not empty every cache. The counter moves as the last statement before the
 * commit, after the audit trail's append ({@link BeforeCommit}): its row lock is then held only for the commit, and
 * no transaction holds it while it waits for another lock.
 */
@ApplicationScoped
public class ChangeCounter {

    /**
     * The counter as the database had it when read, the database's clock then, and the earliest horizon after it
     * (null when there is none).
     */
    public record Reading(long generation, Instant now, Instant horizon) {
    }

    private final ChangeCounterRepository counter;
    private final BeforeCommit beforeCommit;

    ChangeCounter(ChangeCounterRepository counter, BeforeCommit beforeCommit) {
        this.counter = counter;
        this.beforeCommit = beforeCommit;
    }

    /**
     * The calling transaction changes what agents may reach: the counter moves just before it commits (once, however
     * often this is called), and not at all if it rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveAtCommit() {
        beforeCommit.once(BeforeCommit.Step.CHANGE_COUNTER, counter::move);
    }

    /** The counter now, with the database's clock and the next horizon, in one query outside any transaction. */
    public Reading read() {
        return counter.read();
    }
}
