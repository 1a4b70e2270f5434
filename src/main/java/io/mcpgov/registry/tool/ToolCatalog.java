package io.mcpgov.registry.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.mcpgov.registry.classification.ToolClassification;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the stored tools of a version with their current approval state. */
@ApplicationScoped
public class ToolCatalog {

    /** @param declared whether the version declares tools at all; {@code changesJson} null for a first version */
    public record VersionTools(boolean declared, List<ToolEntitlement> tools, String changesJson) {
    }

    private final VersionToolRepository versionTools;
    private final ObjectMapper json;

    ToolCatalog(VersionToolRepository versionTools, ObjectMapper json) {
        this.versionTools = versionTools;
        this.json = json;
    }

    public VersionTools of(long versionId) {
        Optional<VersionToolRepository.ToolSet> set = versionTools.toolSet(versionId);
        boolean declared = set.map(VersionToolRepository.ToolSet::declared).orElse(false);
        String changes = set.map(VersionToolRepository.ToolSet::changesJson).orElse(null);
        List<VersionToolRepository.CatalogRow> rows = versionTools.catalog(versionId);
        List<ToolEntitlement> tools = new ArrayList<>(rows.size());
        for (VersionToolRepository.CatalogRow row : rows) {
            String classification = row.classification();
            boolean destructive = ToolClassification.DESTRUCTIVE.wire().equals(classification);
            String findings = row.findingsJson();
            boolean flagged = !"[]".equals(findings);
            ReviewState approval = ToolEntitlement.approval(destructive, flagged, row.reviewState());
            tools.add(new ToolEntitlement(row.name(), row.title(), classification, row.idempotent(), row.openWorld(),
                    strings(row.scopesJson()), row.definitionHash(), flagged ? new RawValue(findings) : null,
                    approval.wire(), approval.available(destructive), row.reviewId(),
                    new RawValue(row.definitionJson())));
        }
        return new VersionTools(declared, tools, changes);
    }

    private List<String> strings(String jsonArray) {
        try {
            List<String> out = new ArrayList<>();
            for (JsonNode item : json.readTree(jsonArray)) {
                out.add(item.asText());
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored scopes are not JSON", e);
        }
    }
}
