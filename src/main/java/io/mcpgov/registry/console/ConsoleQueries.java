package io.mcpgov.registry.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

/** Read-only queries only the console needs. Every rule and every change goes through the registry's services. */
@ApplicationScoped
public class ConsoleQueries {

    private final EntityManager em;

    ConsoleQueries(EntityManager em) {
        this.em = em;
    }

    /** Names of the servers (latest version not deleted) the given teams own, by name. */
    @SuppressWarnings("unchecked")
    public List<String> teamServers(Set<String> teams, int limit) {
        if (teams.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("""
                        SELECT name FROM server_version
                        WHERE is_latest AND status <> 'deleted' AND owning_team = ANY (CAST(?1 AS text[]))
                        ORDER BY name LIMIT ?2""")
                .setParameter(1, teams.toArray(String[]::new)).setParameter(2, limit).getResultList();
    }

    /** Which of these token values name a team that owns a namespace (the groups claim also carries roles). */
    @SuppressWarnings("unchecked")
    public List<String> owningTeams(Set<String> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("""
                        SELECT DISTINCT owning_team FROM namespace WHERE owning_team = ANY (CAST(?1 AS text[]))
                        ORDER BY owning_team""")
                .setParameter(1, values.toArray(String[]::new)).getResultList();
    }

    public record AuditRow(Instant occurredAt, String actor, String action, String targetType, String targetId) {
    }

    /** The newest events about a server: its versions, its exceptions and its tool reviews. */
    @SuppressWarnings("unchecked")
    public List<AuditRow> serverHistory(String serverName, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT occurred_at, actor_subject, action, target_type, target_id FROM audit_event
                        WHERE (target_type = 'server-version' AND left(target_id, ?2) = ?1 || '@')
                           OR (target_type = 'exception' AND target_id IN
                                (SELECT CAST(id AS text) FROM api_key_exception WHERE server_name = ?1))
                           OR (target_type = 'tool-review' AND target_id IN
                                (SELECT CAST(id AS text) FROM tool_review WHERE server_name = ?1))
                        ORDER BY id DESC LIMIT ?3""")
                .setParameter(1, serverName).setParameter(2, serverName.length() + 1).setParameter(3, limit)
                .getResultList();
        return rows.stream().map(r -> new AuditRow(instant(r[0]), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4])).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return null;
    }
}
