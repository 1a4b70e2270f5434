package io.mcpgov.registry.exception;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

public record ExceptionPage(List<ExceptionView> exceptions, Metadata metadata) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(String nextCursor, int count) {
    }
}
