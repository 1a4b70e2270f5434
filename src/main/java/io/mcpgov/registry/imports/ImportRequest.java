package io.mcpgov.registry.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What to import: either a registry that speaks the official API ({@code source}, its base URL; paged with
 * {@code limit} and, for an increment, {@code updatedSince}) or {@code items} given inline (list items
 * {@code {server, _meta}} or bare server.json documents).
 *
 * @param owningTeam team given the namespaces of imported entries that no mapping covers yet
 */
public record ImportRequest(String source, String updatedSince, List<JsonNode> items, String owningTeam,
        Integer limit) {
}
