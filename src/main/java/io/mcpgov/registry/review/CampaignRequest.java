package io.mcpgov.registry.review;

import java.time.OffsetDateTime;

/** Start a campaign over every server (or one owning team's), due at {@code dueAt}. */
public record CampaignRequest(String name, OffsetDateTime dueAt, String team) {
}
