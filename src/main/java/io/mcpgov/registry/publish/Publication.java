package io.mcpgov.registry.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.policy.AuthProfile;
import io.mcpgov.registry.server.ServerStatus;

/**
 * A checked server.json on its way into storage.
 *
 * @param publishedBy the caller's subject: the version's publisher, and the accountable owner of a new server
 * @param status active for a publish; an import keeps the source's status
 * @param bulk one of many versions stored together, by a caller that has locked their servers beforehand
 *     ({@link io.mcpgov.registry.server.ServerVersionRepository#lockServers})
 */
public record Publication(JsonNode document, AuthProfile profile, String owningTeam, String publishedBy,
        ServerStatus status, boolean bulk) {
}
