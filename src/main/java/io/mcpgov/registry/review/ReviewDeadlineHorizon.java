package io.mcpgov.registry.review;

import io.mcpgov.registry.change.ListingHorizon;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * With {@code registry.reviews.hide-overdue-after-days}, a server is hidden when its pending review passes the due date
 * plus the grace period, with no write: cached reads are not served past the next such moment.
 */
@ApplicationScoped
public class ReviewDeadlineHorizon implements ListingHorizon {

    private final String sql;

    ReviewDeadlineHorizon(ReviewConfig settings) {
        this.sql = ReviewConfig.graceDays(settings)
                .map(days -> "(SELECT min(ri.due_at) + interval '" + days + " days' FROM review_item ri"
                        + " WHERE ri.current AND ri.state = 'pending' AND ri.due_at > now() - interval '" + days + " days')")
                .orElse("NULL::timestamptz");
    }

    @Override
    public String nextChangeSql() {
        return sql;
    }
}
