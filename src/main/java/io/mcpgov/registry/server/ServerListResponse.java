package io.mcpgov.registry.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The official list envelope. */
public record ServerListResponse(List<ServerResponse> servers, Metadata metadata) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Metadata(String nextCursor, int count) {
    }
}
