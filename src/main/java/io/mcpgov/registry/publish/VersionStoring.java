package io.mcpgov.registry.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.classification.AuthProfile;
import io.mcpgov.registry.server.ServerVersion;

/**
 * Fired inside the publish transaction just before the version is inserted: synchronous observers set the columns
 * their feature keeps on the version's own row, so that the row is written once. The entry has no id yet; work that
 * needs it observes {@link VersionPublished}. {@code firstOfServer}: the server has no other version.
 */
public record VersionStoring(ServerVersion entry, JsonNode document, AuthProfile profile, boolean bulk,
        boolean firstOfServer) {
}
