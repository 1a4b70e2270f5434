package io.mcpgov.registry.server;

import io.mcpgov.registry.common.PageMetadata;
import java.util.List;

/** The official list envelope. */
public record ServerListResponse(List<ServerResponse> servers, PageMetadata metadata) {
}
