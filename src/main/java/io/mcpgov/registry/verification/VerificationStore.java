package io.mcpgov.registry.verification;

import io.mcpgov.registry.events.EventTypes;
import io.mcpgov.registry.events.GovernanceEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.policy.AuthProfile;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what to verify and stores what was observed; each in a short transaction of its own. */
@ApplicationScoped
public class VerificationStore {

    private final ServerVersionRepository versions;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final VerificationConfig config;
    private final GovernanceEvents events;

    VerificationStore(ServerVersionRepository versions, AuditLog audit, ObjectMapper json, VerificationConfig config, GovernanceEvents events) {
        this.events = events;
        this.versions = versions;
        this.audit = audit;
        this.json = json;
        this.config = config;
    }

    /** The remotes of a version and the publisher's OAuth declaration, or empty when the version is gone. */
    @Transactional
    public Optional<VerificationTarget> target(long versionId) {
        return versions.findByIdOptional(versionId).map(v -> new VerificationTarget(v.id, v.name, v.version,
                read(v.authProfile)));
    }

    /**
     * Claims versions due for a check (skipping rows another instance holds) and moves their next check one interval
     * ahead, so that several instances share the work without doing it twice.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Long> claimDue(int limit) {
        List<Number> ids = versions.getEntityManager().createNativeQuery("""
                UPDATE server_version SET verification_due_at = now() + make_interval(secs => ?1)
                WHERE id IN (SELECT id FROM server_version
                             WHERE verification_due_at <= now() AND status <> 'deleted'
                             ORDER BY verification_due_at LIMIT ?2 FOR UPDATE SKIP LOCKED)
                RETURNING id""")
                .setParameter(1, (double) config.interval().toSeconds())
                .setParameter(2, limit)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** Puts a version back in line for the next scan (its check could not start). */
    @Transactional
    public void dueNow(long versionId) {
        versions.findByIdOptional(versionId).ifPresent(v -> v.verificationDueAt = Times.now());
    }

    /**
     * Stores one run's results. A change of the OAuth claim's state is audited (by the caller when one asked for the
     * check, by the registry otherwise) and counts as an update of the entry.
     */
    @Transactional
    public VerificationView store(VerificationTarget target, List<RemoteVerification> results, boolean requested) {
        ServerVersion v = versions.findByIdOptional(target.versionId(), LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (v == null) {
            return null;
        }
        Instant now = Times.now();
        List<VerificationView.RemoteVerdict> remotes = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            RemoteVerification result = results.get(i);
            var remote = target.remotes().get(i);
            remotes.add(VerificationView.RemoteVerdict.of(remote.index(), target.oauthDeclared(remote), result));
            versions.getEntityManager().createNativeQuery("""
                    INSERT INTO remote_verification (server_version_id, remote_index, url, verdict, checked_at, result)
                    VALUES (?1, ?2, ?3, ?4, ?5, CAST(?6 AS jsonb))
                    ON CONFLICT (server_version_id, remote_index) DO UPDATE
                    SET url = EXCLUDED.url, verdict = EXCLUDED.verdict, checked_at = EXCLUDED.checked_at, result = EXCLUDED.result""")
                    .setParameter(1, v.id).setParameter(2, remote.index()).setParameter(3, result.remoteUrl())
                    .setParameter(4, result.verdict().id()).setParameter(5, now).setParameter(6, write(result))
                    .executeUpdate();
        }
        String before = v.oauthVerification;
        String state = VerificationView.claimState(remotes);
        VerificationView view = new VerificationView(state, now, remotes);
        v.verification = write(view);
        v.oauthVerification = state;
        if (requested || !state.equals(before)) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("oauthVerification", state);
            after.put("failedChecks", remotes.stream().filter(r -> r.failedChecks() != null)
                    .flatMap(r -> r.failedChecks().stream()).distinct().toList());
            Map<String, Object> previous = Map.of("oauthVerification", before);
            String id = v.name + "@" + v.version;
            if (requested) {
                audit.record("verification.checked", "server-version", id, previous, after);
            } else {
                audit.recordSystem("verification.changed", "server-version", id, previous, after);
            }
        }
        if (!state.equals(before)) {
            v.updatedAt = now;
            String cause = requested ? "verification.checked" : "verification.changed";
            if ("failed".equals(state)) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("name", v.name);
                data.put("version", v.version);
                data.put("failedChecks", remotes.stream().filter(r -> r.failedChecks() != null)
                        .flatMap(r -> r.failedChecks().stream()).distinct().toList());
                events.changed(EventTypes.VERIFICATION_FAILED, v.name, data, List.of(v.id), cause);
            } else {
                events.versionsChanged(List.of(v.id), cause);
            }
        }
        return view;
    }

    /** Full results of the last check of each remote. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<RemoteVerification> lastResults(long versionId) {
        List<String> rows = versions.getEntityManager().createNativeQuery(
                        "SELECT result::text FROM remote_verification WHERE server_version_id = ?1 ORDER BY remote_index")
                .setParameter(1, versionId)
                .getResultList();
        return rows.stream().map(r -> read(r, RemoteVerification.class)).toList();
    }

    private AuthProfile read(String authProfile) {
        return read(authProfile, AuthProfile.class);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored verification data could not be read", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Verification data could not be serialised", e);
        }
    }
}
