package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.Pointers;

/** Publisher-provided {@code _meta} is kept verbatim and served to every client, so it is capped at 4 KB. */
public final class PublisherMetaSizeRule implements SemanticRule {

    public static final String ID = "publisher-meta-too-large";
    public static final String PUBLISHER_PROVIDED = "io.modelcontextprotocol.registry/publisher-provided";
    public static final int MAX_BYTES = 4096;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void check(JsonNode doc, Findings findings) {
        Nodes.object(doc, "_meta").map(meta -> meta.get(PUBLISHER_PROVIDED)).ifPresent(provided -> {
            int size = serializedSize(provided);
            if (size > MAX_BYTES) {
                findings.error(ID, Pointers.of("_meta", PUBLISHER_PROVIDED), "publisher-provided metadata is " + size
                        + " bytes serialized; at most " + MAX_BYTES + " are allowed");
            }
        });
    }

    private static int serializedSize(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }
}
