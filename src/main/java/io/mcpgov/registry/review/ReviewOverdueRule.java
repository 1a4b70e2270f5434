package io.mcpgov.registry.review;

import io.mcpgov.registry.server.ListingRule;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * With {@code registry.reviews.hide-overdue-after-days}, a server whose current review (the item of the latest
 * campaign that includes it) is still pending that many days after the due date is hidden from agents. Answering
 * the review, or a newer campaign's item, lifts it. Created at start, so that an out-of-range setting stops the start
 * instead of failing reads.
 */
@Startup
@ApplicationScoped
public class ReviewOverdueRule implements ListingRule {

    public static final String ID = "review-overdue";

    private final Integer graceDays;

    ReviewOverdueRule(ReviewConfig settings) {
        this.graceDays = ReviewConfig.graceDays(settings).orElse(null);
    }

    @Override
    public boolean enabled() {
        return graceDays != null;
    }

    @Override
    public String ruleId() {
        return ID;
    }

    @Override
    public String hidesWhen() {
        return "EXISTS (SELECT 1 FROM review_item ri WHERE ri.server_name = sv.name AND ri.current"
                + " AND ri.state = 'pending' AND ri.due_at < now() - interval '" + (graceDays == null ? 0 : graceDays)
                + " days')";
    }

    @Override
    public String message() {
        return "The accountable owner has not re-attested this server in its access review, " + graceDays
                + " days past the due date (registry.reviews.hide-overdue-after-days). The owner's answer lists it again.";
    }
}
