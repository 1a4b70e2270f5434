package io.mcpgov.registry.secrets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.common.Jdbc;
import io.mcpgov.registry.common.Shutdown;
import io.mcpgov.registry.events.EventTypes;
import io.mcpgov.registry.events.GovernanceEvents;
import io.mcpgov.registry.policy.SecretScanner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Scans stored versions again with the secret scan's current rules: at start, then every
 * {@code registry.secrets.sweep-every}. A version remembers the revision it was scanned with, so the sweep reads only
 * the versions it has not scanned yet, a page at a time, each page in a transaction of its own; a restart goes on
 * where the last run stopped, and instances share the work. A version found with a credential is hidden by
 * {@link StoredSecretRule} (nothing is deleted), audited by the registry and announced as
 * {@code io.mcpgov.registry.secret.found}; one the current rules find clean again is listed again.
 */
@ApplicationScoped
public class StoredSecretSweep {

    private static final Logger LOG = Logger.getLogger(StoredSecretSweep.class);

    static final String FOUND = "server.secret-found";
    static final String FINDINGS_CHANGED = "server.secret-findings-changed";
    static final String CLEARED = "server.secret-cleared";

    private final Jdbc jdbc;
    private final SecretScanner scanner;
    private final AuditLog audit;
    private final GovernanceEvents events;
    private final ObjectMapper json;
    private final SecretsConfig config;
    private final Shutdown shutdown;

    StoredSecretSweep(Jdbc jdbc, SecretScanner scanner, AuditLog audit, GovernanceEvents events,
            ObjectMapper json, SecretsConfig config, Shutdown shutdown) {
        this.jdbc = jdbc;
        this.scanner = scanner;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.config = config;
        this.shutdown = shutdown;
    }

    /** What one sweep did. */
    public record Result(int scanned, int hidden, int listedAgain) {
    }

    @Scheduled(every = "${registry.secrets.sweep-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        // what a stop leaves unscanned, the next sweep (of any instance) scans
        shutdown.runUnlessStopped("Stored secret sweep", this::sweep);
    }

    /** Scans every version not yet scanned with the current rules, a page per transaction. */
    public Result sweep() {
        int scanned = 0;
        int hidden = 0;
        int listedAgain = 0;
        while (!shutdown.started()) {
            Result page = QuarkusTransaction.requiringNew().call(this::page);
            if (page.scanned() == 0) {
                break;
            }
            scanned += page.scanned();
            hidden += page.hidden();
            listedAgain += page.listedAgain();
        }
        if (scanned > 0) {
            LOG.infof("Secret scan revision %d: %d stored versions scanned, %d hidden, %d listed again",
                    SecretScanner.REVISION, scanned, hidden, listedAgain);
        }
        return new Result(scanned, hidden, listedAgain);
    }

    /** One stored version as the sweep reads it. */
    private record Stored(long id, String name, String version, String document, String findings) {
    }

    Result page() {
        List<Stored> rows = jdbc.list("Reading versions for the secret scan", """
                SELECT id, name, version, document_text, secret_findings::text FROM server_version
                WHERE secrets_scanned_with < ? LIMIT ? FOR UPDATE SKIP LOCKED""",
                ps -> {
                    ps.setInt(1, SecretScanner.REVISION);
                    ps.setInt(2, config.sweepBatchSize());
                },
                rs -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        int hidden = 0;
        int listedAgain = 0;
        for (Stored row : rows) {
            StoredFindings before = read(row.findings());
            SecretScanner.Findings scanned = scanner.findings(document(row.id(), row.document()));
            StoredFindings after = scanned.isEmpty() ? null : StoredFindings.of(scanned);
            if (sameFindings(before, after)) {
                continue;
            }
            store(row.id(), after);
            String target = row.name() + "@" + row.version();
            if (before == null) {
                hidden++;
                audit.recordSystem(FOUND, "server-version", target, null, auditState(after));
                events.changed(EventTypes.SECRET_FOUND, row.name(), eventData(row, after), List.of(row.id()), FOUND);
            } else if (after == null) {
                listedAgain++;
                audit.recordSystem(CLEARED, "server-version", target, auditState(before), null);
                events.versionsChanged(List.of(row.id()), CLEARED);
            } else {
                audit.recordSystem(FINDINGS_CHANGED, "server-version", target, auditState(before), auditState(after));
            }
        }
        if (!rows.isEmpty()) {
            Long[] ids = rows.stream().map(Stored::id).toArray(Long[]::new);
            jdbc.update("Recording the secret scan's revision",
                    "UPDATE server_version SET secrets_scanned_with = ? WHERE id = ANY (?)", ps -> {
                        ps.setInt(1, SecretScanner.REVISION);
                        ps.setArray(2, ps.getConnection().createArrayOf("bigint", ids));
                    });
        }
        return new Result(rows.size(), hidden, listedAgain);
    }

    private void store(long id, StoredFindings findings) {
        String text = findings == null ? null : write(findings);
        jdbc.update("Storing secret findings", "UPDATE server_version SET secret_findings = CAST(? AS jsonb) WHERE id = ?",
                ps -> {
                    ps.setString(1, text);
                    ps.setLong(2, id);
                });
    }

    private JsonNode document(long id, String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            // stored documents passed the parser at publish; one that does not parse now has nothing to scan
            LOG.warnf("Stored version %d could not be read for the secret scan", id);
            return json.createObjectNode();
        }
    }

    private static boolean sameFindings(StoredFindings before, StoredFindings after) {
        if (before == null || after == null) {
            return before == after;
        }
        return before.located().equals(after.located()) && before.more() == after.more();
    }

    private static Map<String, Object> auditState(StoredFindings findings) {
        return Map.of("secretScanRevision", findings.revision(), "findings", findings.located());
    }

    private static Map<String, Object> eventData(Stored row, StoredFindings findings) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", row.name());
        data.put("version", row.version());
        data.put("findings", findings.located());
        data.put("secretScanRevision", findings.revision());
        return data;
    }

    private StoredFindings read(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, StoredFindings.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored secret findings are not readable", e);
        }
    }

    private String write(StoredFindings findings) {
        try {
            return json.writeValueAsString(Objects.requireNonNull(findings));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Secret findings could not be written", e);
        }
    }
}
