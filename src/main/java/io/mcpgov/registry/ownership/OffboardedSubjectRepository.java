package io.mcpgov.registry.ownership;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

@ApplicationScoped
public class OffboardedSubjectRepository implements PanacheRepositoryBase<OffboardedSubject, String> {

    public boolean isOffboarded(String subject) {
        return subject != null && count("subject", subject) > 0;
    }

    /**
     * Records the offboarding unless the subject was offboarded already; whether it was recorded. Concurrent
     * offboardings of one subject: the second waits on the key, then finds it done.
     */
    boolean recordIfAbsent(String subject, String reason, String by, Instant at) {
        return getEntityManager().createNativeQuery("INSERT INTO offboarded_subject (subject, reason, offboarded_by,"
                        + " offboarded_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT (subject) DO NOTHING")
                .setParameter(1, subject).setParameter(2, reason).setParameter(3, by).setParameter(4, at)
                .executeUpdate() > 0;
    }
}
