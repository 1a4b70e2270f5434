package io.mcpgov.registry.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.classification.DeclaredTool;
import io.mcpgov.registry.classification.ToolDeclaration;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.publish.VersionPublished;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository.VersionRef;
import io.mcpgov.registry.server.ServerVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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

    private final VersionToolRepository versionTools;
    private final ToolReviewRepository reviews;
    private final ServerVersionRepository versions;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final OmnibusScopes omnibus;

    ToolRecorder(VersionToolRepository versionTools, ToolReviewRepository reviews, ServerVersionRepository versions,
            AuditLog audit, ObjectMapper json, ToolConfig settings) {
        this.versionTools = versionTools;
        this.reviews = reviews;
        this.versions = versions;
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
            Optional<List<ToolSnapshot>> before = versionTools.snapshots(previous.id(), this::strings);
            if (declaration.isPresent() || before.isPresent()) {
                changes = ToolChanges.between(previous.version(),
                        before.orElse(List.of()), tools.stream().map(ToolSnapshot::of).toList());
            }
        }

        ArrayNode view = json.createArrayNode();
        List<Map<String, Object>> audited = new ArrayList<>();
        List<VersionToolRepository.ToolRow> rows = new ArrayList<>(tools.size());
        boolean hasReview = false;
        for (int position = 0; position < tools.size(); position++) {
            DeclaredTool tool = tools.get(position);
            List<ToolRules.Finding> findings = ToolRules.findings(tool, omnibus);
            String hash = tool.definitionHash();
            rows.add(new VersionToolRepository.ToolRow(position, tool.name(), tool.title(),
                    tool.classification().wire(), tool.idempotent(), tool.openWorld(), write(tool.scopes()),
                    tool.node().toString(), hash, write(findings)));
            ObjectNode item = agentView(tool, hash, findings);
            String approval = ReviewState.NOT_REQUIRED.wire();
            if (tool.destructive() || !findings.isEmpty()) {
                hasReview = true;
                approval = queue(entry, tool, hash, findings);
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
        versionTools.insertTools(entry.id, entry.name, rows);
        versionTools.insertToolSet(entry.id, declaration.isPresent(), hasReview, view.toString(),
                previous == null ? null : previous.version(), changes == null ? null : write(changes));
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
    private String queue(ServerVersion entry, DeclaredTool tool, String hash, List<ToolRules.Finding> findings) {
        // the common case, a definition that already waits or was approved, read without the entity manager
        String stored = reviews.reviewStateForUpdate(entry.name, tool.name(), hash);
        if (stored != null && !requeue(stored)) {
            return stored;
        }
        Optional<ToolReview> existing = reviews.findDefinitionForUpdate(entry.name, tool.name(), hash);
        if (existing.isPresent() && !requeue(existing.get().state)) {
            return existing.get().state;
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
            review.reopen(entry.publishedBy, now);
            review.owningTeam = entry.owningTeam;
            review.reasons = write(reasons);
            audit.record("tool-review.requested", "tool-review", review.id.toString(), before,
                    ToolReviewView.of(review, List.of(entry.version), null));
            reviews.flush();
            return review.state;
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
        review.requestedBy = entry.publishedBy;
        review.requestedAt = now;
        reviews.persist(review);
        // written now, so that the next lookup of this definition in the same transaction finds it
        reviews.flush();
        audit.record("tool-review.requested", "tool-review", review.id.toString(), null,
                ToolReviewView.of(review, List.of(entry.version), null));
        return review.state;
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
}
