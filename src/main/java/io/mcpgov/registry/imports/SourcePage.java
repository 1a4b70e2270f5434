package io.mcpgov.registry.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One page of a source registry's list: its items and the cursor of the next page (null on the last). */
record SourcePage(List<JsonNode> items, String nextCursor) {
}
