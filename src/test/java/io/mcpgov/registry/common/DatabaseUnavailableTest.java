package io.mcpgov.registry.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which failures are the database being away (503 with Retry-After) rather than a bug (500). */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAndTheServerStoppingOrStartingAreUnavailability() {
        for (String state : new String[] {"08001", "08003", "08006", "57P01", "57P02", "57P03"}) {
            assertThat(ProblemMappers.isDatabaseUnavailable(wrapped(new SQLException("x", state)))).as(state).isTrue();
        }
    }

    @Test
    void aServerTooSlowOrTooContendedToAnswerInTimeIsUnavailability() {
        // 57014: the statement timeout cancelled the statement; 55P03: the lock timeout ended its wait
        for (String state : new String[] {"57014", "55P03"}) {
            assertThat(ProblemMappers.isDatabaseUnavailable(wrapped(new SQLException("x", state)))).as(state).isTrue();
        }
        assertThat(ProblemMappers.isDatabaseUnavailable(new IllegalStateException(
                new DatabaseUnavailableException("The change counter did not answer")))).isTrue();
    }

    @Test
    void aConnectionPoolThatGaveUpWaitingIsUnavailability() {
        SQLException acquisition = new SQLException("Acquisition timeout while waiting for new connection",
                new java.util.concurrent.TimeoutException());
        assertThat(ProblemMappers.isDatabaseUnavailable(wrapped(acquisition))).isTrue();
        assertThat(ProblemMappers.isDatabaseUnavailable(new IllegalStateException(new java.util.concurrent.TimeoutException())))
                .as("a timeout that is not the database's").isFalse();
    }

    @Test
    void aCommitThatFailsOnABrokenConnectionIsUnavailabilityThoughTheDriversFailureIsOnlySuppressed() {
        // how the transaction manager reports it: a rollback, the driver's failure suppressed into it
        RuntimeException rollback = new IllegalStateException("ARJUNA016053: Could not commit transaction.");
        Exception commit = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        rollback.addSuppressed(commit);
        assertThat(ProblemMappers.isDatabaseUnavailable(new RuntimeException("Error invoking subclass method", rollback)))
                .isTrue();

        RuntimeException unrelated = new IllegalStateException("a bug");
        unrelated.addSuppressed(new IllegalStateException("closing a stream failed"));
        assertThat(ProblemMappers.isDatabaseUnavailable(unrelated)).isFalse();
    }

    @Test
    void failuresThatReferToEachOtherAreLookedAtOnce() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.addSuppressed(second);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> ProblemMappers.isDatabaseUnavailable(second)))
                .isFalse();
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        for (String state : new String[] {"23505", "40001", "40P01", "42P01", "55000", "57P04"}) {
            assertThat(ProblemMappers.isDatabaseUnavailable(wrapped(new SQLException("x", state)))).as(state).isFalse();
        }
        assertThat(ProblemMappers.isDatabaseUnavailable(wrapped(new SQLException("no state")))).isFalse();
        assertThat(ProblemMappers.isDatabaseUnavailable(new IllegalStateException("not a database error"))).isFalse();
    }

    private static RuntimeException wrapped(SQLException e) {
        return new IllegalStateException("Reading server entries failed", e);
    }
}
