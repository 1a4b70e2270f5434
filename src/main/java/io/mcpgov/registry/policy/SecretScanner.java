package io.mcpgov.registry.policy;

// TEMPORARY STUB (replaced by the validation branch)
import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.common.Violation;
import java.util.List;

public class SecretScanner {
    public List<Violation> scan(JsonNode doc) {
        return List.of();
    }
}
