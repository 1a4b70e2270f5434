package io.mcpgov.registry.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

public record AuditPage(List<AuditEventView> events, Metadata metadata) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(String nextCursor, int count) {
    }
}
