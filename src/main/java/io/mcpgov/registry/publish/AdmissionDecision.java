package io.mcpgov.registry.publish;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * @param pending the version waits for a reviewer
 * @param baselineVersion the last admitted version it was compared with (null for a new server)
 * @param widening what it adds to what agents can reach ({@code {rule, path, detail}} objects)
 * @param diff the document's changes against the baseline, field by field
 */
public record AdmissionDecision(boolean pending, String baselineVersion, List<JsonNode> widening, List<JsonNode> diff) {

    public static AdmissionDecision admitted() {
        return new AdmissionDecision(false, null, List.of(), List.of());
    }
}
