package io.mcpgov.registry.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewSettingsTest {

    private static ReviewConfig hidingAfter(Integer days) {
        return () -> Optional.ofNullable(days);
    }

    @Test
    void theGracePeriodIsOptionalAndTakenAsGivenWithinRange() {
        assertThat(ReviewConfig.graceDays(hidingAfter(null))).isEmpty();
        assertThat(ReviewConfig.graceDays(hidingAfter(0))).contains(0);
        assertThat(ReviewConfig.graceDays(hidingAfter(3650))).contains(3650);
    }

    @Test
    void aGracePeriodOutOfRangeIsRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> ReviewConfig.graceDays(hidingAfter(-1)))
                .hasMessageContaining("registry.reviews.hide-overdue-after-days").hasMessageContaining("-1");
        assertThatThrownBy(() -> ReviewConfig.graceDays(hidingAfter(3651)))
                .hasMessageContaining("between 0 and 3650");
    }
}
