package io.mcpgov.registry.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.publish.validation.DocumentParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Reads a server.json, however it arrives (published, validated, imported), with the same bounds: at most
 * {@code registry.publish.max-document-bytes}, then the strict parser.
 */
@ApplicationScoped
public class DocumentReader {

    public static final String DOCUMENT_TOO_LARGE = "document-too-large";

    private final PublishConfig config;
    private final DocumentParser parser;

    DocumentReader(PublishConfig config, DocumentParser parser) {
        this.config = config;
        this.parser = parser;
    }

    /** The document, or a 400 (413 when too large) whose violation says why not. */
    public JsonNode read(byte[] body) {
        int max = config.maxDocumentBytes();
        if (body != null && body.length > max) {
            throw new ProblemException(413, "Content Too Large", "A server.json may be at most " + max + " bytes.",
                    List.of(new Violation(DOCUMENT_TOO_LARGE, "", "The document has " + body.length + " bytes.")));
        }
        return parser.parse(body == null ? new byte[0] : body);
    }
}
