package io.mcpgov.registry.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.publish.DocumentChecks;
import io.mcpgov.registry.server.ServerStatus;

/** One entry of a source, checked and ready to store. */
record ImportItem(String name, String version, JsonNode document, ServerStatus status, DocumentChecks.Checked checked) {
}
