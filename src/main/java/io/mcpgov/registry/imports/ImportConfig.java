package io.mcpgov.registry.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of imports from another registry. */
@ConfigMapping(prefix = "registry.imports")
public interface ImportConfig {

    /** Largest list page read from a source registry. */
    @WithDefault("16777216")
    int maxPageBytes();

    /** Limit of one page request to the source, connection and body included. */
    @WithDefault("60s")
    Duration pageTimeout();

    /** Entries accepted inline in one import request. */
    @WithDefault("1000")
    int maxInlineItems();

    /** Pages of one import stored at once, each in a transaction of its own, while the next ones are read. */
    @WithDefault("2")
    int concurrency();

    /** Refusals listed one by one in the answer (all are counted). */
    @WithDefault("200")
    int maxReportedRefusals();
}
