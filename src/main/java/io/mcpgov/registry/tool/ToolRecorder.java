package io.mcpgov.registry.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.publish.VersionPublished;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import io.mcpgov.registry.server.ServerVersionRepository.VersionRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.semver4j.Semver;

/**
 * Stores the tools of each published version (inside the publish transaction), compares them with the version
 * before, and puts every destructive or flagged tool definition that has no open review into the reviewers' queue.
 */
@ApplicationScoped
public class ToolRecorder {

    private final ServerVersionRepository versions;
    private final ToolReviewRepository reviews;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final OmnibusScopes omnibus;

    ToolRecorder(ServerVersionRepository versions, ToolReviewRepository reviews, AuditLog audit, ObjectMapper json,
            ToolSettings settings) {
        this.versions = versions;
        this.reviews = reviews;
        this.audit = audit;
        this.json = json;
        this.omnibus = new OmnibusScopes(settings.omnibusScopes());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void record(@Observes VersionPublished published) {
        ServerVersion entry = published.entry();
        Optional<ToolDeclaration> declaration = ToolDeclaration.read(published.document());
        List<DeclaredTool> tools = declaration.map(ToolDeclaration::tools).orElse(List.of());
        VersionRef previous = published.firstOfServer() ? null : previousVersion(entry);
        ToolChanges changes = null;
        if (previous != null) {
            Optional<List<ToolSnapshot>> before = snapshots(previous.id());
            if (declaration.isPresent() || before.isPresent()) {
                changes = ToolChanges.between(previous.version(),
                        before.orElse(List.of()), tools.stream().map(ToolSnapshot::of).toList());
            }
        }

        ArrayNode view = json.createArrayNode();
        List<Map<String, Object>> audited = new ArrayList<>();
        boolean hasReview = false;
        for (int position = 0; position < tools.size(); position++) {
            DeclaredTool tool = tools.get(position);
            List<ToolRules.Finding> findings = ToolRules.findings(tool, omnibus);
            String hash = tool.definitionHash();
            insertTool(entry, position, tool, hash, findings);
            ObjectNode item = agentView(tool, hash, findings);
            String approval = ReviewState.NOT_REQUIRED.wire();
            if (tool.destructive() || !findings.isEmpty()) {
                hasReview = true;
                approval = queue(entry, tool, hash, findings).state;
            } else {
                item.put("approval", approval);
                item.put("available", true);
            }
            view.add(item);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("name", tool.name());
            summary.put("classification", tool.classification().wire());
            summary.put("scopes", tool.scopes());
            summary.put("definitionHash", hash);
            summary.put("approval", approval);
            audited.add(summary);
        }
        em().createNativeQuery("""
                        INSERT INTO tool_set (server_version_id, declared, has_review, tools, previous_version, changes)
                        VALUES (?1, ?2, ?3, CAST(?4 AS jsonb), ?5, CAST(?6 AS jsonb))""")
                .setParameter(1, entry.id)
                .setParameter(2, declaration.isPresent())
                .setParameter(3, hasReview)
                .setParameter(4, view.toString())
                .setParameter(5, previous == null ? null : previous.version())
                .setParameter(6, changes == null ? null : write(changes))
                .executeUpdate();
        if (declaration.isPresent() || changes != null) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("declared", declaration.isPresent());
            after.put("tools", audited);
            after.put("changes", changes);
            audit.record("tools.recorded", "server-version", entry.name + "@" + entry.version, null, after);
        }
    }

    /**
     * The open review of this definition, or a new pending one. A definition whose approval was rejected or revoked
     * goes back to pending: publishing it again is asking again.
     */
    private ToolReview queue(ServerVersion entry, DeclaredTool tool, String hash, List<ToolRules.Finding> findings) {
        Optional<ToolReview> existing = reviews.findDefinitionForUpdate(entry.name, tool.name(), hash);
        if (existing.isPresent() && !requeue(existing.get().state)) {
            return existing.get();
        }
        Instant now = Times.now();
        List<String> reasons = new ArrayList<>();
        if (tool.destructive()) {
            reasons.add("destructive");
        }
        findings.forEach(f -> reasons.add(f.ruleId()));
        if (existing.isPresent()) {
            ToolReview review = existing.get();
            ToolReviewView before = ToolReviewView.of(review, List.of(), null);
            review.state = ReviewState.PENDING.wire();
            review.requestedBy = entry.accountableOwner;
            review.requestedAt = now;
            review.owningTeam = entry.owningTeam;
            review.reasons = write(reasons);
            review.decidedBy = null;
            review.decidedAt = null;
            review.decisionReason = null;
            review.revokedBy = null;
            review.revokedAt = null;
            review.revocationReason = null;
            audit.record("tool-review.requested", "tool-review", review.id.toString(), before,
                    ToolReviewView.of(review, List.of(entry.version), null));
            return review;
        }
        ToolReview review = new ToolReview();
        review.id = UUID.randomUUID();
        review.serverName = entry.name;
        review.toolName = tool.name();
        review.definitionHash = hash;
        review.owningTeam = entry.owningTeam;
        review.classification = tool.classification().wire();
        review.requiresApproval = tool.destructive();
        review.reasons = write(reasons);
        review.state = ReviewState.PENDING.wire();
        review.firstVersion = entry.version;
        review.requestedBy = entry.accountableOwner;
        review.requestedAt = now;
        reviews.persist(review);
        audit.record("tool-review.requested", "tool-review", review.id.toString(), null,
                ToolReviewView.of(review, List.of(entry.version), null));
        return review;
    }

    private static boolean requeue(String state) {
        return ReviewState.REJECTED.wire().equals(state) || ReviewState.REVOKED.wire().equals(state);
    }

    private ObjectNode agentView(DeclaredTool tool, String hash, List<ToolRules.Finding> findings) {
        ObjectNode item = json.createObjectNode();
        item.put("name", tool.name());
        if (tool.title() != null) {
            item.put("title", tool.title());
        }
        item.put("classification", tool.classification().wire());
        item.put("idempotent", tool.idempotent());
        item.put("openWorld", tool.openWorld());
        ArrayNode scopes = item.putArray("scopes");
        tool.scopes().forEach(scopes::add);
        item.put("definitionHash", hash);
        if (!findings.isEmpty()) {
            item.set("findings", json.valueToTree(findings));
        }
        return item;
    }

    private void insertTool(ServerVersion entry, int position, DeclaredTool tool, String hash,
            List<ToolRules.Finding> findings) {
        em().createNativeQuery("""
                        INSERT INTO server_tool (server_version_id, server_name, position, name, title, classification,
                            idempotent, open_world, scopes, definition, definition_hash, findings)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS jsonb), CAST(?10 AS jsonb), ?11, CAST(?12 AS jsonb))""")
                .setParameter(1, entry.id)
                .setParameter(2, entry.name)
                .setParameter(3, position)
                .setParameter(4, tool.name())
                .setParameter(5, tool.title())
                .setParameter(6, tool.classification().wire())
                .setParameter(7, tool.idempotent())
                .setParameter(8, tool.openWorld())
                .setParameter(9, write(tool.scopes()))
                .setParameter(10, tool.node().toString())
                .setParameter(11, hash)
                .setParameter(12, write(findings))
                .executeUpdate();
    }

    /**
     * The version this one follows: for a semver version the highest lower semver version, for any other the one
     * published last before it. Null for the first.
     */
    VersionRef previousVersion(ServerVersion entry) {
        List<VersionRef> others = versions.versionRefs(entry.name).stream()
                .filter(v -> v.id() != entry.id).toList();
        Semver current = Semver.parse(entry.version);
        if (current == null) {
            return others.isEmpty() ? null : others.get(others.size() - 1);
        }
        VersionRef best = null;
        Semver bestVersion = null;
        for (VersionRef other : others) {
            Semver candidate = Semver.parse(other.version());
            if (candidate != null && candidate.isLowerThan(current)
                    && (bestVersion == null || candidate.isGreaterThan(bestVersion))) {
                best = other;
                bestVersion = candidate;
            }
        }
        return best;
    }

    /** The tools a stored version declared; empty when it was stored without a declaration (or before tools). */
    private Optional<List<ToolSnapshot>> snapshots(long versionId) {
        Object declared = em().createNativeQuery("SELECT declared FROM tool_set WHERE server_version_id = ?1")
                .setParameter(1, versionId).getResultStream().findFirst().orElse(null);
        if (!Boolean.TRUE.equals(declared)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("""
                        SELECT name, classification, scopes::text, definition_hash FROM server_tool
                        WHERE server_version_id = ?1 ORDER BY position""")
                .setParameter(1, versionId).getResultList();
        List<ToolSnapshot> out = new ArrayList<>();
        for (Object[] row : rows) {
            out.add(new ToolSnapshot((String) row[0], Classification.fromWire((String) row[1]).orElseThrow(),
                    strings((String) row[2]), (String) row[3]));
        }
        return Optional.of(out);
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

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not serialise for storage", e);
        }
    }

    private EntityManager em() {
        return reviews.getEntityManager();
    }
}
