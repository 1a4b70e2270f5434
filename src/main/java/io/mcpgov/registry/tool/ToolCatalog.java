package io.mcpgov.registry.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.mcpgov.registry.classification.ToolClassification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the stored tools of a version with their current approval state. */
@ApplicationScoped
public class ToolCatalog {

    /** @param declared whether the version declares tools at all; {@code changesJson} null for a first version */
    public record VersionTools(boolean declared, List<ToolEntitlement> tools, String changesJson) {
    }

    private final EntityManager em;
    private final ObjectMapper json;

    ToolCatalog(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public VersionTools of(long versionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> set = em.createNativeQuery("SELECT declared, changes::text FROM tool_set WHERE server_version_id = ?1")
                .setParameter(1, versionId).getResultList();
        boolean declared = !set.isEmpty() && Boolean.TRUE.equals(set.get(0)[0]);
        String changes = set.isEmpty() ? null : (String) set.get(0)[1];
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT t.name, t.title, t.classification, t.idempotent, t.open_world, t.scopes::text,
                               t.definition_hash, t.findings::text, t.definition::text, r.id, r.state
                        FROM server_tool t
                        LEFT JOIN tool_review r ON r.server_name = t.server_name AND r.tool_name = t.name
                            AND r.definition_hash = t.definition_hash
                        WHERE t.server_version_id = ?1 ORDER BY t.position""")
                .setParameter(1, versionId).getResultList();
        List<ToolEntitlement> tools = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            String classification = (String) row[2];
            boolean destructive = ToolClassification.DESTRUCTIVE.wire().equals(classification);
            String findings = (String) row[7];
            boolean flagged = !"[]".equals(findings);
            ReviewState approval = ToolEntitlement.approval(destructive, flagged, (String) row[10]);
            tools.add(new ToolEntitlement((String) row[0], (String) row[1], classification, (Boolean) row[3],
                    (Boolean) row[4], strings((String) row[5]), (String) row[6], flagged ? new RawValue(findings) : null,
                    approval.wire(), approval.available(destructive), (UUID) row[9], new RawValue((String) row[8])));
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
