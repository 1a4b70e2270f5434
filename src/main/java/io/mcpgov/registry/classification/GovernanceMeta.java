package io.mcpgov.registry.classification;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Pointers;
import java.util.Optional;

/**
 * Where a publisher's governance declaration sits in a server.json: {@code _meta["io.mcpgov.registry/governance"]},
 * or the same key inside the publisher-provided metadata (the only {@code _meta} the official registry keeps, so
 * a document published to both stays valid there). The direct key wins when both are present.
 */
public final class GovernanceMeta {

    public static final String KEY = "io.mcpgov.registry/governance";
    public static final String PUBLISHER_PROVIDED = "io.modelcontextprotocol.registry/publisher-provided";

    /** The declaration, its JSON pointer, and whether it hides a second one under publisher-provided. */
    public record Declaration(JsonNode node, String path, boolean shadowsPublisherProvided) {
    }

    private GovernanceMeta() {
    }

    public static Optional<Declaration> locate(JsonNode doc) {
        JsonNode meta = doc == null ? null : doc.get("_meta");
        if (meta == null || !meta.isObject()) {
            return Optional.empty();
        }
        JsonNode provided = meta.get(PUBLISHER_PROVIDED);
        JsonNode nested = provided != null && provided.isObject() ? provided.get(KEY) : null;
        JsonNode direct = meta.get(KEY);
        if (direct != null) {
            return Optional.of(new Declaration(direct, Pointers.of("_meta", KEY), nested != null));
        }
        if (nested != null) {
            return Optional.of(new Declaration(nested, Pointers.of("_meta", PUBLISHER_PROVIDED, KEY), false));
        }
        return Optional.empty();
    }
}
