package io.mcpgov.registry.admission;

import io.mcpgov.registry.events.EventTypes;
import io.mcpgov.registry.events.GovernanceEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.namespace.NamespaceService;
import io.mcpgov.registry.policy.AuthProfile;
import io.mcpgov.registry.publish.AdmissionControl;
import io.mcpgov.registry.publish.AdmissionDecision;
import io.mcpgov.registry.security.Caller;
import io.mcpgov.registry.security.FourEyes;
import io.mcpgov.registry.security.Roles;
import io.mcpgov.registry.server.LatestBookkeeping;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Admission review. In a namespace whose policy is {@code review}, a new server and a version that widens what
 * agents can reach wait until a reviewer other than their publisher admits them; narrower or equal versions pass.
 * A waiting version is never listed nor latest, so agents keep seeing the last admitted one.
 */
@ApplicationScoped
public class AdmissionService implements AdmissionControl {

    public static final String PENDING = "pending";
    public static final String ADMITTED = "admitted";
    public static final String REJECTED = "rejected";

    private final NamespaceService namespaces;
    private final ServerVersionRepository versions;
    private final AdmissionRepository requests;
    private final LatestBookkeeping latest;
    private final AuditLog audit;
    private final Caller caller;
    private final ObjectMapper json;
    private final GovernanceEvents events;

    AdmissionService(NamespaceService namespaces, ServerVersionRepository versions, AdmissionRepository requests,
            LatestBookkeeping latest, AuditLog audit, Caller caller, ObjectMapper json, GovernanceEvents events) {
        this.events = events;
        this.namespaces = namespaces;
        this.versions = versions;
        this.requests = requests;
        this.latest = latest;
        this.audit = audit;
        this.caller = caller;
        this.json = json;
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
        request.requestedBy = entry.accountableOwner;
        request.requestedAt = Times.now();
        requests.persist(request);
        audit.record("admission.requested", "admission", request.id.toString(), null, summary(request));
    }

    @Transactional
    public AdmissionView admit(UUID id, String reason) {
        return decide(id, reason, ADMITTED);
    }

    @Transactional
    public AdmissionView reject(UUID id, String reason) {
        return decide(id, reason, REJECTED);
    }

    public AdmissionView get(UUID id) {
        AdmissionRequest request = requests.findByIdOptional(id).orElseThrow(AdmissionService::notFound);
        Set<String> teams = visibleTeams();
        if (teams != null && !teams.contains(request.owningTeam)) {
            throw notFound();
        }
        return AdmissionView.of(request);
    }

    public AdmissionPage list(String state, String serverName, int offset, int limit) {
        List<AdmissionRequest> found = requests.queue(state, serverName, visibleTeams(), offset, limit + 1);
        String next = null;
        if (found.size() > limit) {
            found = found.subList(0, limit);
            next = String.valueOf(offset + limit);
        }
        return new AdmissionPage(found.stream().map(AdmissionView::of).toList(),
                new AdmissionPage.Metadata(next, found.size()));
    }

    private AdmissionView decide(UUID id, String reason, String decision) {
        AdmissionRequest request = requests.findForUpdate(id).orElseThrow(AdmissionService::notFound);
        if (request.requestedBy.equals(caller.subject())) {
            throw FourEyes.refusal("whoever published a version cannot admit it; another reviewer must.",
                    "You published this version.");
        }
        if (!PENDING.equals(request.state)) {
            throw ProblemException.conflict("Only a pending admission can be decided.",
                    new Violation("admission-not-pending", "", "The admission is " + request.state + "."));
        }
        ServerVersion entry = versions.findByIdOptional(request.serverVersionId).orElseThrow(AdmissionService::notFound);
        versions.lockServer(entry.name);
        Object before = summary(request);
        Instant now = Times.now();
        request.state = decision;
        request.decidedBy = caller.subject();
        request.decidedAt = now;
        request.decisionReason = reason;
        entry.admission = decision;
        entry.updatedAt = now;
        if (ADMITTED.equals(decision)) {
            latest.recompute(entry.name);
        }
        audit.record("admission." + decision, "admission", id.toString(), before, summary(request));
        events.changed(ADMITTED.equals(decision) ? EventTypes.ADMISSION_ADMITTED : EventTypes.ADMISSION_REJECTED,
                entry.name, summary(request), List.of(entry.id), "admission." + decision);
        return AdmissionView.of(request);
    }

    private Set<String> visibleTeams() {
        return caller.hasAny(Roles.REVIEWER, Roles.ADMIN, Roles.AUDITOR) ? null : caller.teams();
    }

    private static Map<String, Object> summary(AdmissionRequest r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("serverName", r.serverName);
        s.put("version", r.version);
        s.put("state", r.state);
        s.put("baselineVersion", r.baselineVersion);
        s.put("decidedBy", r.decidedBy);
        s.put("decisionReason", r.decisionReason);
        return s;
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

    private static ProblemException notFound() {
        return ProblemException.notFound("Admission not found.");
    }
}
