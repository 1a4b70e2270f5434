package io.mcpgov.registry.ownership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Flags the tool reviews an offboarded person requested or decided that are still in force: pending, or approved.
 * Like an exception, a flagged approval keeps the tool available until it is revoked or a reviewer resolves the flag.
 */
@ApplicationScoped
public class ToolReviewOffboarding {

    public static final String TARGET_TYPE = "tool-review";

    private final EntityManager em;

    ToolReviewOffboarding(EntityManager em) {
        this.em = em;
    }

    void flag(@Observes SubjectOffboarded offboarded) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id::text, server_name, requested_by = ?1, decided_by = ?1"
                        + " FROM tool_review WHERE (requested_by = ?1 OR decided_by = ?1) AND state IN ('pending', 'approved')"
                        + " ORDER BY requested_at, id")
                .setParameter(1, offboarded.subject())
                .getResultList();
        for (Object[] r : rows) {
            if (Boolean.TRUE.equals(r[2])) {
                offboarded.flag(TARGET_TYPE, (String) r[0], (String) r[1], DecisionFlag.Role.REQUESTED);
            }
            if (Boolean.TRUE.equals(r[3])) {
                offboarded.flag(TARGET_TYPE, (String) r[0], (String) r[1], DecisionFlag.Role.DECIDED);
            }
        }
    }
}
