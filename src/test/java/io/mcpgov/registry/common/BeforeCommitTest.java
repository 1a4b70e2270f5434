package io.mcpgov.registry.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The last statements of a transaction run once each, in one order, whichever was asked for first. */
class BeforeCommitTest {

    private final OneTransaction transaction = new OneTransaction();
    private final BeforeCommit beforeCommit = new BeforeCommit(transaction);
    private final List<String> ran = new ArrayList<>();

    @Test
    void theChangeCounterMovesAfterTheAuditAppendEvenWhenAskedForFirst() {
        assertThat(beforeCommit.once(BeforeCommit.Step.CHANGE_COUNTER, () -> ran.add("counter"))).isTrue();
        assertThat(beforeCommit.once(BeforeCommit.Step.AUDIT_APPEND, () -> ran.add("audit"))).isTrue();

        transaction.commit();

        assertThat(ran).containsExactly("audit", "counter");
    }

    @Test
    void aStepAskedForAgainRunsOnce() {
        beforeCommit.once(BeforeCommit.Step.CHANGE_COUNTER, () -> ran.add("first"));
        assertThat(beforeCommit.once(BeforeCommit.Step.CHANGE_COUNTER, () -> ran.add("second"))).isFalse();

        transaction.commit();

        assertThat(ran).containsExactly("first");
        assertThat(transaction.synchronizations).hasSize(1);
    }

    @Test
    void nothingRunsUnlessAsked() {
        transaction.commit();

        assertThat(ran).isEmpty();
        assertThat(transaction.synchronizations).isEmpty();
    }

    /** The registry of one transaction, which runs its interposed synchronizations when committed. */
    private static final class OneTransaction implements TransactionSynchronizationRegistry {
        final Map<Object, Object> resources = new HashMap<>();
        final List<Synchronization> synchronizations = new ArrayList<>();

        void commit() {
            synchronizations.forEach(Synchronization::beforeCompletion);
            synchronizations.forEach(s -> s.afterCompletion(jakarta.transaction.Status.STATUS_COMMITTED));
        }

        @Override
        public Object getTransactionKey() {
            return this;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            synchronizations.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return jakarta.transaction.Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
