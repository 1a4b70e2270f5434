package io.mcpgov.registry.server;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One entry as the read queries return it: stored columns, the covering exception, the rules that hide it, and the
 * JSON that {@link RowExtension}s contribute, by key.
 */
public record ServerRow(
        long id,
        String name,
        String version,
        String status,
        String statusMessage,
        Instant statusChangedAt,
        boolean latest,
        Instant publishedAt,
        Instant updatedAt,
        String owningTeam,
        String accountableOwner,
        String documentText,
        String authProfileJson,
        boolean hasOauth,
        boolean hasRemoteApiKey,
        boolean hasPackageSecret,
        boolean hasPublicRemote,
        CoveringException exception,
        List<String> hiddenBy,
        Map<String, String> extensions) {

    /** The approved, unexpired exception that lets this entry be listed. */
    public record CoveringException(UUID id, String classification, Instant expiresAt) {
    }

    public boolean listed() {
        return hiddenBy.isEmpty();
    }
}
