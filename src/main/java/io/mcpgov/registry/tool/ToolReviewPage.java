package io.mcpgov.registry.tool;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

public record ToolReviewPage(List<ToolReviewView> reviews, Metadata metadata) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(String nextCursor, int count) {
    }
}
