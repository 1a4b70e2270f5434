package io.mcpgov.registry.review;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;

/** Access review settings; each one is documented in README.md. */
@ConfigMapping(prefix = "registry.reviews")
public interface ReviewSettings {

    /**
     * Hide from agents (rule {@code review-overdue}) a server whose review is still pending this many days after its
     * campaign's due date. Absent (the default): overdue reviews are reported, never hidden.
     */
    Optional<@Min(0) @Max(3650) Integer> hideOverdueAfterDays();
}
