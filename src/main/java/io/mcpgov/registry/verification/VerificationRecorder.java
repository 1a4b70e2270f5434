package io.mcpgov.registry.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.change.ChangeCounter;
import io.mcpgov.registry.classification.AuthProfile;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.outbox.EventTypes;
import io.mcpgov.registry.outbox.GovernanceEvents;
import io.mcpgov.registry.server.ServerVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what to verify and records what was observed; each in a short transaction of its own. */
@ApplicationScoped
public class VerificationRecorder {

    private final ServerVersionRepository versions;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final VerificationConfig config;
    private final GovernanceEvents events;

    private final VerificationRepository verifications;
    private final ChangeCounter counter;

    VerificationRecorder(ServerVersionRepository versions, AuditLog audit, ObjectMapper json, VerificationConfig config,
            GovernanceEvents events, VerificationRepository verifications, ChangeCounter counter) {
        this.verifications = verifications;
        this.counter = counter;
        this.events = events;
        this.versions = versions;
        this.audit = audit;
        this.json = json;
        this.config = config;
    }

    /** The remotes of a version and the publisher's OAuth declaration, or empty when the version is gone. */
    public Optional<VerificationTarget> target(long versionId) {
        return verifications.target(versionId)
                .map(stored -> new VerificationTarget(versionId, stored.name(), stored.version(),
                        read(stored.authProfileJson())));
    }

    /**
     * Claims versions due for a check (skipping rows another instance holds) and moves their next check one interval
     * ahead, so that several instances share the work without doing it twice.
     */
    @Transactional
    public List<Long> claimDue(int limit) {
        return verifications.claimDue(config.interval(), limit);
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
        Optional<String> found = verifications.lockClaimState(target.versionId());
        if (found.isEmpty()) {
            return null;
        }
        String before = found.get();
        Instant now = Times.now();
        List<VerificationView.RemoteVerdict> remotes = new ArrayList<>();
        List<VerificationRepository.RemoteResult> stored = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            var remote = target.remotes().get(i);
            RemoteVerification result = results.get(i);
            remotes.add(VerificationView.RemoteVerdict.of(remote.index(), target.oauthDeclared(remote), result));
            stored.add(new VerificationRepository.RemoteResult(remote.index(), result.remoteUrl(),
                    result.verdict().id(), write(result)));
        }
        verifications.storeResults(target.versionId(), stored, now);
        String state = VerificationView.claimState(remotes);
        VerificationView view = new VerificationView(state, now, remotes);
        boolean changed = !state.equals(before);
        verifications.storeView(target.versionId(), write(view), state, changed, now);
        announce(target, remotes, before, state, requested);
        return view;
    }

    private void announce(VerificationTarget target, List<VerificationView.RemoteVerdict> remotes, String before,
            String state, boolean requested) {
        if (requested || !state.equals(before)) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("oauthVerification", state);
            after.put("failedChecks", remotes.stream().filter(r -> r.failedChecks() != null)
                    .flatMap(r -> r.failedChecks().stream()).distinct().toList());
            Map<String, Object> previous = Map.of("oauthVerification", before);
            String id = target.name() + "@" + target.version();
            if (requested) {
                audit.record("verification.checked", "server-version", id, previous, after);
                // whoever asked reads the result next: the entry's verification member changed
                counter.moveAtCommit();
            } else {
                audit.recordSystem("verification.changed", "server-version", id, previous, after);
            }
        }
        if (!state.equals(before)) {
            String cause = requested ? "verification.checked" : "verification.changed";
            if ("failed".equals(state)) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("name", target.name());
                data.put("version", target.version());
                data.put("failedChecks", remotes.stream().filter(r -> r.failedChecks() != null)
                        .flatMap(r -> r.failedChecks().stream()).distinct().toList());
                events.changed(EventTypes.VERIFICATION_FAILED, target.name(), data, List.of(target.versionId()), cause);
            } else {
                events.versionsChanged(List.of(target.versionId()), cause);
            }
        }
    }

    /** Full results of the last check of each remote. */
    @Transactional
    public List<RemoteVerification> lastResults(long versionId) {
        return verifications.lastResults(versionId).stream().map(r -> read(r, RemoteVerification.class)).toList();
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
