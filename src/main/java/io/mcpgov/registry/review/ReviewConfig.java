package io.mcpgov.registry.review;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Access review settings; each one is documented in docs/configuration.md. */
@ConfigMapping(prefix = "registry.reviews")
public interface ReviewConfig {

    /**
     * Hide from agents (rule {@code review-overdue}) a server whose review is still pending this many days after its
     * campaign's due date. Absent (the default): overdue reviews are reported, never hidden.
     */
    Optional<Integer> hideOverdueAfterDays();

    int MAX_GRACE_DAYS = 3650;

    /**
     * {@link #hideOverdueAfterDays()}, refused when out of range. Checked in code rather than with constraint
     * annotations: those make Quarkus build a validator over every configuration class at each start.
     */
    static Optional<Integer> graceDays(ReviewConfig settings) {
        Optional<Integer> days = settings.hideOverdueAfterDays();
        if (days.isPresent() && (days.get() < 0 || days.get() > MAX_GRACE_DAYS)) {
            throw new IllegalStateException("registry.reviews.hide-overdue-after-days must be between 0 and "
                    + MAX_GRACE_DAYS + ", not " + days.get());
        }
        return days;
    }
}
