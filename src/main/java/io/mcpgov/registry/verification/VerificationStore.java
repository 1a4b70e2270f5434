package io.mcpgov.registry.verification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.change.ChangeCounter;
import io.mcpgov.registry.classification.AuthProfile;
import io.mcpgov.registry.common.Jdbc;
import io.mcpgov.registry.common.Times;
import io.mcpgov.registry.outbox.EventTypes;
import io.mcpgov.registry.outbox.GovernanceEvents;
import io.mcpgov.registry.server.ServerVersion;
import io.mcpgov.registry.server.ServerVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
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

    private final Jdbc jdbc;
    private final ChangeCounter counter;

    VerificationStore(ServerVersionRepository versions, AuditLog audit, ObjectMapper json, VerificationConfig config,
            GovernanceEvents events, Jdbc jdbc, ChangeCounter counter) {
        this.jdbc = jdbc;
        this.counter = counter;
        this.events = events;
        this.versions = versions;
        this.audit = audit;
        this.json = json;
        this.config = config;
    }

    /** The remotes of a version and the publisher's OAuth declaration, or empty when the version is gone. */
    public Optional<VerificationTarget> target(long versionId) {
        return jdbc.list("Reading a version to verify", "SELECT name, version, auth_profile::text FROM server_version WHERE id = ?",
                ps -> ps.setLong(1, versionId),
                rs -> new VerificationTarget(versionId, rs.getString(1), rs.getString(2), read(rs.getString(3))))
                .stream().findFirst();
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
        // plain JDBC on the transaction's connection: this runs for every check, in the background, and the entity
        // would carry the whole document along
        List<String> found = jdbc.list("Locking a verified version",
                "SELECT oauth_verification FROM server_version WHERE id = ? FOR UPDATE",
                ps -> ps.setLong(1, target.versionId()), rs -> rs.getString(1));
        if (found.isEmpty()) {
            return null;
        }
        String before = found.get(0);
        Instant now = Times.now();
        List<VerificationView.RemoteVerdict> remotes = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            var remote = target.remotes().get(i);
            remotes.add(VerificationView.RemoteVerdict.of(remote.index(), target.oauthDeclared(remote), results.get(i)));
            indexes.add(i);
        }
        jdbc.batch("Storing verification results", """
                INSERT INTO remote_verification (server_version_id, remote_index, url, verdict, checked_at, result)
                VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))
                ON CONFLICT (server_version_id, remote_index) DO UPDATE
                SET url = EXCLUDED.url, verdict = EXCLUDED.verdict, checked_at = EXCLUDED.checked_at, result = EXCLUDED.result""",
                indexes, (ps, i) -> {
                    RemoteVerification result = results.get(i);
                    ps.setLong(1, target.versionId());
                    ps.setInt(2, target.remotes().get(i).index());
                    ps.setString(3, result.remoteUrl());
                    ps.setString(4, result.verdict().id());
                    ps.setTimestamp(5, Timestamp.from(now));
                    ps.setString(6, write(result));
                });
        String state = VerificationView.claimState(remotes);
        VerificationView view = new VerificationView(state, now, remotes);
        boolean changed = !state.equals(before);
        String viewText = write(view);
        jdbc.update("Storing a verification view", """
                UPDATE server_version SET verification = CAST(? AS jsonb), oauth_verification = ?,
                    updated_at = CASE WHEN ? THEN ? ELSE updated_at END
                WHERE id = ?""", ps -> {
            ps.setString(1, viewText);
            ps.setString(2, state);
            ps.setBoolean(3, changed);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setLong(5, target.versionId());
        });
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
