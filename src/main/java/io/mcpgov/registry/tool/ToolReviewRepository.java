package io.mcpgov.registry.tool;

import io.mcpgov.registry.common.Jdbc;
import io.mcpgov.registry.decision.DecisionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ToolReviewRepository implements DecisionRepository<ToolReview> {

    /** A version that carries a reviewed definition, with the definition as stored. */
    record Carrier(String version, String definitionJson) {
    }

    @Inject
    Jdbc jdbc;

    /** The review of one definition, locked: a publish that re-queues it waits for a decision in flight. */
    public Optional<ToolReview> findDefinitionForUpdate(String serverName, String toolName, String definitionHash) {
        return find("serverName = ?1 and toolName = ?2 and definitionHash = ?3", serverName, toolName, definitionHash)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * The state of the review of one tool definition, locked until the transaction ends; null when there is none.
     * Plain JDBC: the common case at publish, a definition that already waits or was approved, needs no entity.
     */
    String reviewStateForUpdate(String serverName, String toolName, String definitionHash) {
        List<String> states = jdbc.list("Reading the review of a tool definition", """
                SELECT state FROM tool_review WHERE server_name = ? AND tool_name = ? AND definition_hash = ?
                FOR UPDATE""", ps -> {
            ps.setString(1, serverName);
            ps.setString(2, toolName);
            ps.setString(3, definitionHash);
        }, rs -> rs.getString(1));
        return states.isEmpty() ? null : states.get(0);
    }

    /** The reviews {@code subject} requested or decided that are still in force: pending or approved. */
    List<ToolReview> inForceInvolving(String subject) {
        return list("(requestedBy = ?1 or decidedBy = ?1)"
                + " and state in ('pending', 'approved') order by requestedAt, id", subject);
    }

    /** The versions of the server that carry the reviewed definition, oldest published first. */
    @SuppressWarnings("unchecked")
    List<Carrier> carriers(ToolReview review) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        SELECT sv.version, t.definition::text FROM server_tool t
                        JOIN server_version sv ON sv.id = t.server_version_id
                        WHERE t.server_name = ?1 AND t.name = ?2 AND t.definition_hash = ?3
                        ORDER BY sv.published_at, sv.id""")
                .setParameter(1, review.serverName).setParameter(2, review.toolName)
                .setParameter(3, review.definitionHash).getResultList();
        return rows.stream().map(row -> new Carrier((String) row[0], (String) row[1])).toList();
    }

    /** Everyone who published a version of the server that carries the reviewed definition. */
    @SuppressWarnings("unchecked")
    List<String> publishersOf(ToolReview review) {
        return getEntityManager().createNativeQuery("""
                        SELECT DISTINCT sv.published_by FROM server_tool t
                        JOIN server_version sv ON sv.id = t.server_version_id
                        WHERE t.server_name = ?1 AND t.name = ?2 AND t.definition_hash = ?3""")
                .setParameter(1, review.serverName).setParameter(2, review.toolName)
                .setParameter(3, review.definitionHash).getResultList();
    }
}
