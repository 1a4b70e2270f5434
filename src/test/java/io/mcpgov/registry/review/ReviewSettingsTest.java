package io.mcpgov.registry.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReviewSettingsTest {

    private static ReviewSettings hidingAfter(Integer days) {
        return () -> Optional.ofNullable(days);
    }

    @Test
    void theGracePeriodIsOptionalAndTakenAsGivenWithinRange() {
        assertThat(ReviewSettings.graceDays(hidingAfter(null))).isEmpty();
        assertThat(ReviewSettings.graceDays(hidingAfter(0))).contains(0);
        assertThat(ReviewSettings.graceDays(hidingAfter(3650))).contains(3650);
    }

    @Test
    void aGracePeriodOutOfRangeIsRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> ReviewSettings.graceDays(hidingAfter(-1)))
                .hasMessageContaining("registry.reviews.hide-overdue-after-days").hasMessageContaining("-1");
        assertThatThrownBy(() -> ReviewSettings.graceDays(hidingAfter(3651)))
                .hasMessageContaining("between 0 and 3650");
    }
}
