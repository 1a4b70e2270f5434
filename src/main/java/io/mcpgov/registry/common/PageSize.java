package io.mcpgov.registry.common;

import java.util.List;

/**
 * How many items a page may hold: the {@code limit} parameter's default and maximum. There are two: the official
 * API's, which its clients rely on, and one for every list of the registry's own (queues, the audit trail, the event
 * feed, webhook deliveries, decision flags, review items).
 */
public record PageSize(int fallback, int max) {

    /** The official API's lists: 30 unless asked, at most 100. */
    public static final PageSize OFFICIAL = new PageSize(30, 100);

    /** The registry's own lists: 100 unless asked, at most 1000. */
    public static final PageSize REGISTRY = new PageSize(100, 1000);

    /** The {@code limit} parameter's value, or the default when absent; a violation is added when out of range. */
    public int read(String limit, List<Violation> errors) {
        return (int) QueryParams.number(limit, "/limit", 1, max, fallback, errors);
    }
}
