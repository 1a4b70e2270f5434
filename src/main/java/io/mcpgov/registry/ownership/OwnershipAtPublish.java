package io.mcpgov.registry.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.classification.GovernanceMeta;
import io.mcpgov.registry.publish.VersionStoring;
import io.mcpgov.registry.server.ServerVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Ownership is per server. The first version's publisher becomes its accountable owner; later versions inherit the
 * server's owner (whoever publishes them) and its operational contact. A version that declares a contact
 * ({@code _meta["io.mcpgov.registry/governance"].contact}) sets it for the whole server; a changed contact is audited
 * as {@code ownership.contact-changed}.
 */
@ApplicationScoped
public class OwnershipAtPublish {

    private final EntityManager em;
    private final Contacts contacts;
    private final AuditLog audit;

    OwnershipAtPublish(EntityManager em, Contacts contacts, AuditLog audit) {
        this.em = em;
        this.contacts = contacts;
        this.audit = audit;
    }

    /** Before the insert, so that the version's row is written once with its owner and contact. */
    void apply(@Observes VersionStoring storing) {
        ServerVersion entry = storing.entry();
        @SuppressWarnings("unchecked")
        List<Object[]> previous = storing.firstOfServer() ? List.of() : em.createNativeQuery(
                        "SELECT accountable_owner, contact::text FROM server_version"
                        + " WHERE name = ?1 ORDER BY published_at DESC, id DESC LIMIT 1")
                .setParameter(1, entry.name)
                .getResultList();
        boolean first = previous.isEmpty();
        String previousText = first ? null : (String) previous.get(0)[1];
        JsonNode previousContact = contacts.parse(previousText);
        if (!first) {
            entry.accountableOwner = (String) previous.get(0)[0];
        }
        JsonNode declared = GovernanceMeta.locate(storing.document())
                .map(d -> d.node().get("contact"))
                .filter(JsonNode::isObject)
                .orElse(null);
        if (declared == null) {
            entry.contact = previousText;
        } else if (first || declared.equals(previousContact)) {
            entry.contact = contacts.text(declared);
        } else {
            entry.contact = contacts.text(declared);
            contacts.set("name = ?2", entry.name, declared);
            audit.record("ownership.contact-changed", "server", entry.name, Contacts.state(previousContact),
                    Contacts.state(declared));
        }
    }
}
