package io.mcpgov.registry.admission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.classification.AuthProfile;
import io.mcpgov.registry.common.Page;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.decision.DecisionQuery;
import io.mcpgov.registry.decision.DecisionRequest;
import io.mcpgov.registry.decision.Decisions;
import io.mcpgov.registry.decision.PageRequest;
import io.mcpgov.registry.namespace.NamespaceService;
import io.mcpgov.registry.publish.AdmissionControl;
import io.mcpgov.registry.publish.AdmissionDecision;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * Admission review. In a namespace whose policy is {@code review}, a new server and a version that widens what
 * agents can reach wait until a reviewer who is no party to them (not their publisher, not the server's owner) admits
 * them ({@link Decisions}); narrower or equal versions pass.
 * A waiting version is never listed nor latest, so agents keep seeing the last admitted one.
 */
@ApplicationScoped
public class AdmissionService implements AdmissionControl {

    public static final String PENDING = AdmissionDecisions.PENDING;
    public static final String ADMITTED = AdmissionDecisions.ADMITTED;
    public static final String REJECTED = AdmissionDecisions.REJECTED;

    private final NamespaceService namespaces;
    private final ServerVersionRepository versions;
    private final AdmissionRepository requests;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Decisions decisions;
    private final AdmissionDecisions kind;

    AdmissionService(NamespaceService namespaces, ServerVersionRepository versions, AdmissionRepository requests,
            AuditLog audit, ObjectMapper json, Decisions decisions, AdmissionDecisions kind) {
        this.namespaces = namespaces;
        this.versions = versions;
        this.requests = requests;
        this.audit = audit;
        this.json = json;
        this.decisions = decisions;
        this.kind = kind;
    }

    @Override
    public AdmissionDecision decide(String name, JsonNode document, AuthProfile profile) {
        if (!"review".equals(namespaces.admissionPolicy(name))) {
            return AdmissionDecision.admitted();
        }
        ServerVersion baseline = versions.latest(name).orElse(null);
        Reach next = Reach.of(document, profile);
        if (baseline == null) {
            return new AdmissionDecision(true, null, Widening.between(null, next),
                    JsonDiff.of(json.createObjectNode(), document));
        }
        JsonNode before = read(baseline.documentText, JsonNode.class);
        List<JsonNode> widening = Widening.between(Reach.of(before, read(baseline.authProfile, AuthProfile.class)), next);
        if (widening.isEmpty()) {
            return AdmissionDecision.admitted();
        }
        return new AdmissionDecision(true, baseline.version, widening, JsonDiff.of(before, document));
    }

    @Override
    public void stored(ServerVersion entry, AdmissionDecision decision) {
        if (!decision.pending()) {
            return;
        }
        AdmissionRequest request = new AdmissionRequest();
        request.id = UUID.randomUUID();
        request.serverVersionId = entry.id;
        request.serverName = entry.name;
        request.version = entry.version;
        request.owningTeam = entry.owningTeam;
        request.baselineVersion = decision.baselineVersion();
        request.widening = write(decision.widening());
        request.diff = write(decision.diff());
        request.state = PENDING;
        request.requestedBy = entry.publishedBy;
        request.requestedAt = Times.now();
        requests.persist(request);
        audit.record("admission.requested", "admission", request.id.toString(), null, AdmissionDecisions.summary(request));
    }

    @Transactional
    public AdmissionView admit(UUID id, DecisionRequest body) {
        return decisions.decide(kind, id, body, ADMITTED);
    }

    @Transactional
    public AdmissionView reject(UUID id, DecisionRequest body) {
        return decisions.decide(kind, id, body, REJECTED);
    }

    public AdmissionView get(UUID id) {
        return decisions.get(kind, id);
    }

    public AdmissionPage list(String state, String serverName, int offset, int limit) {
        DecisionQuery query = DecisionQuery.all().server(serverName).inStates(state == null ? null : List.of(state));
        Page<AdmissionView> page = decisions.list(kind, query, new PageRequest(offset, limit));
        return AdmissionPage.of(page);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored version could not be read", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Admission data could not be serialised", e);
        }
    }
}
