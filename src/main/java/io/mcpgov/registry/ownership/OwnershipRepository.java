package io.mcpgov.registry.ownership;

import com.fasterxml.jackson.databind.util.RawValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/** Who is accountable for each server, as every version of it records. */
@ApplicationScoped
class OwnershipRepository {

    /** The accountable owner and the contact (as stored) of a server's most recently published version. */
    record Latest(String accountableOwner, String contactText) {
    }

    private final EntityManager em;

    OwnershipRepository(EntityManager em) {
        this.em = em;
    }

    /** The ownership of the server's most recently published version (all versions share it). */
    Optional<OwnershipView> view(String name) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT sv.owning_team, sv.accountable_owner, sv.contact::text, "
                        + OwnerOffboardedRule.ORPHANED + " FROM server_version sv WHERE sv.name = ?1"
                        + " ORDER BY sv.published_at DESC, sv.id DESC LIMIT 1")
                .setParameter(1, name)
                .getResultList();
        return rows.stream().findFirst().map(r -> new OwnershipView(name, (String) r[0], (String) r[1],
                r[2] == null ? null : new RawValue((String) r[2]), (Boolean) r[3]));
    }

    /** The owner and contact of the server's most recently published version; empty when it has none. */
    Optional<Latest> latest(String name) {
        @SuppressWarnings("unchecked")
        List<Object[]> previous = em.createNativeQuery(
                        "SELECT accountable_owner, contact::text FROM server_version"
                        + " WHERE name = ?1 ORDER BY published_at DESC, id DESC LIMIT 1")
                .setParameter(1, name)
                .getResultList();
        return previous.stream().findFirst().map(r -> new Latest((String) r[0], (String) r[1]));
    }

    /** Servers (with a version that is not deleted) whose accountable owner is {@code subject}, by name. */
    List<OffboardingView.OrphanedServer> serversOwnedBy(String subject) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT sv.name, (array_agg(sv.owning_team ORDER BY sv.published_at DESC, sv.id DESC))[1]
                FROM server_version sv WHERE sv.accountable_owner = ?1
                GROUP BY sv.name HAVING bool_or(sv.status <> 'deleted') ORDER BY sv.name""")
                .setParameter(1, subject)
                .getResultList();
        return rows.stream().map(r -> new OffboardingView.OrphanedServer((String) r[0], (String) r[1])).toList();
    }

    /** Every version whose accountable owner is {@code subject}. */
    List<Long> versionIdsOwnedBy(String subject) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id FROM server_version WHERE accountable_owner = ?1")
                .setParameter(1, subject).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
