package io.mcpgov.registry.publish.validation;

// TEMPORARY STUB (replaced by the validation branch)
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Violation;

public class DocumentParser {
    private static final ObjectMapper M = new ObjectMapper();
    public JsonNode parse(byte[] body) {
        try {
            JsonNode n = M.readTree(body);
            if (n == null || !n.isObject()) throw ProblemException.badRequest("not an object", new Violation("not-an-object", "", "x"));
            return n;
        } catch (java.io.IOException e) {
            throw ProblemException.badRequest("malformed", new Violation("malformed-json", "", "x"));
        }
    }
}
