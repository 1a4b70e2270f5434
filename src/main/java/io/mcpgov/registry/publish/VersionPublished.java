package io.mcpgov.registry.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.classification.AuthProfile;
import io.mcpgov.registry.server.ServerVersion;

/**
 * Fired inside the publish transaction once the version is stored: synchronous observers store what their feature
 * keeps per version (and roll the publish back by throwing); {@code AFTER_SUCCESS} observers start work that must
 * not hold the transaction. {@code bulk} marks one of many versions stored together (an import): observers should
 * leave slow follow-up work to their schedules. {@code firstOfServer}: the server had no other version (none to compare
 * with).
 */
public record VersionPublished(ServerVersion entry, JsonNode document, AuthProfile profile, boolean bulk,
        boolean firstOfServer) {
}
