package io.mcpgov.registry.admission;

import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.decision.DecisionKind;
import io.mcpgov.registry.decision.Involvement;
import io.mcpgov.registry.events.EventTypes;
import io.mcpgov.registry.server.LatestBookkeeping;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Admissions in the decision workflow. Party to an admission: the version's publisher (who asked by publishing) and
 * the server's owner. Admitting lists the version and lets it become latest; rejecting keeps it hidden.
 */
@ApplicationScoped
class AdmissionDecisions implements DecisionKind<AdmissionRequest, AdmissionView> {

    static final String PENDING = "pending";
    static final String ADMITTED = "admitted";
    static final String REJECTED = "rejected";

    private final AdmissionRepository requests;
    private final ServerVersionRepository versions;
    private final LatestBookkeeping latest;

    AdmissionDecisions(AdmissionRepository requests, ServerVersionRepository versions, LatestBookkeeping latest) {
        this.requests = requests;
        this.versions = versions;
        this.latest = latest;
    }

    @Override
    public String targetType() {
        return "admission";
    }

    @Override
    public String noun() {
        return "admission";
    }

    @Override
    public PanacheRepositoryBase<AdmissionRequest, UUID> repository() {
        return requests;
    }

    @Override
    public String notFound() {
        return "Admission not found.";
    }

    @Override
    public AdmissionView view(AdmissionRequest request, Instant now) {
        return AdmissionView.of(request);
    }

    /** The audit trail and the event feed keep a summary: the widening and the diff are on the request itself. */
    @Override
    public Object auditState(AdmissionRequest request, AdmissionView view) {
        return summary(request);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<String> publishers(AdmissionRequest request) {
        return requests.getEntityManager().createNativeQuery("SELECT published_by FROM server_version WHERE id = ?1")
                .setParameter(1, request.serverVersionId).getResultList();
    }

    @Override
    public String describe(Involvement involvement) {
        return switch (involvement) {
            case REQUESTER -> "you requested this admission";
            case PUBLISHER -> "you published this version";
            case ACCOUNTABLE_OWNER -> "you are the accountable owner of this server";
        };
    }

    /** The version takes the decision's state; an admitted one may become latest. */
    @Override
    public void decided(AdmissionRequest request, String outcome, Instant now) {
        ServerVersion entry = versions.findByIdOptional(request.serverVersionId)
                .orElseThrow(() -> ProblemException.notFound(notFound()));
        versions.lockServer(entry.name);
        entry.admission = outcome;
        entry.updatedAt = now;
        if (ADMITTED.equals(outcome)) {
            latest.recompute(entry.name);
        }
    }

    @Override
    public String eventType(String outcome) {
        return ADMITTED.equals(outcome) ? EventTypes.ADMISSION_ADMITTED : EventTypes.ADMISSION_REJECTED;
    }

    @Override
    public List<Long> versionIds(AdmissionRequest request) {
        return List.of(request.serverVersionId);
    }

    static Map<String, Object> summary(AdmissionRequest r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("serverName", r.serverName);
        s.put("version", r.version);
        s.put("state", r.state);
        s.put("baselineVersion", r.baselineVersion);
        s.put("decidedBy", r.decidedBy);
        s.put("decisionReason", r.decisionReason);
        return s;
    }
}
