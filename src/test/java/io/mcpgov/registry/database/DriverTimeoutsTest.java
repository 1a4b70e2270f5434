package io.mcpgov.registry.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the registry's database settings become for PostgreSQL's driver. */
class DriverTimeoutsTest {

    private static final String P = DriverTimeouts.PREFIX;

    @Test
    void theDefaultsBecomeTheDriversPropertiesAndTheSessionsLimits() {
        Map<String, String> properties = DriverTimeouts.properties(Duration.ofSeconds(3), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(3));

        assertThat(properties).containsEntry(P + "connectTimeout", "3").containsEntry(P + "socketTimeout", "4")
                .containsEntry(P + "options", "-c statement_timeout=3000 -c lock_timeout=2000")
                .doesNotContainKey(P + "loginTimeout");
    }

    @Test
    void theDriverCountsWholeSecondsAndAPositiveLimitNeverBecomesNone() {
        assertThat(DriverTimeouts.seconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(DriverTimeouts.seconds(Duration.ofMillis(4500))).isEqualTo(5);
        assertThat(DriverTimeouts.seconds(Duration.ofSeconds(4))).isEqualTo(4);
        assertThat(DriverTimeouts.seconds(Duration.ZERO)).as("0: none").isZero();
    }

    @Test
    void withoutServerSideLimitsNoSessionOptionsAreSent() {
        Map<String, String> properties = DriverTimeouts.properties(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(4),
                Duration.ofSeconds(3));

        assertThat(properties).doesNotContainKey(P + "options").containsEntry(P + "socketTimeout", "4");
    }
}
