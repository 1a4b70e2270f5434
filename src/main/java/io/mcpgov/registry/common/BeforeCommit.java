package io.mcpgov.registry.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The last statements of a transaction, run just before it commits (after the entity manager has flushed), each at
 * most once per transaction and always in the order of {@link Step}, whichever was asked for first. Each step takes a
 * lock that is held until the commit: two transactions that took two of them in opposite orders could each wait for
 * the other, so they are taken in one order, here.
 */
@ApplicationScoped
public class BeforeCommit {

    /** The steps, in the order they run. */
    public enum Step {
        /** Appending the transaction's audit events, under the audit chain's lock. */
        AUDIT_APPEND,
        /** Moving the change counter of the discovery caches: its row lock is the last a transaction takes. */
        CHANGE_COUNTER
    }

    private final TransactionSynchronizationRegistry transactions;

    BeforeCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /**
     * Runs {@code work} as {@code step} just before the caller's transaction commits, unless that step was already
     * asked for in it; nothing runs when the transaction rolls back. Requires an active transaction.
     *
     * @return whether this call registered the step
     */
    public boolean once(Step step, Runnable work) {
        @SuppressWarnings("unchecked")
        Map<Step, Runnable> steps = (Map<Step, Runnable>) transactions.getResource(BeforeCommit.class);
        if (steps == null) {
            Map<Step, Runnable> created = new EnumMap<>(Step.class);
            transactions.putResource(BeforeCommit.class, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    // an EnumMap iterates in the enum's order
                    created.values().forEach(Runnable::run);
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing to release: the steps' locks end with the transaction
                }
            });
            steps = created;
        }
        return steps.putIfAbsent(step, work) == null;
    }
}
