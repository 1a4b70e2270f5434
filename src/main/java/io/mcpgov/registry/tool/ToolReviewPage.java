package io.mcpgov.registry.tool;

import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.common.PageMetadata;
import java.util.List;

/** A page of reviews: the items under their own member, and {@link PageMetadata} beside them. */
public record ToolReviewPage(List<ToolReviewView> reviews, PageMetadata metadata) {

    public static ToolReviewPage of(Page<ToolReviewView> page) {
        return new ToolReviewPage(page.items(), page.metadata());
    }
}
