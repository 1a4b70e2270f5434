package io.mcpgov.registry.ownership;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.audit.AuditLog;
import io.mcpgov.registry.classification.GovernanceMeta;
import io.mcpgov.registry.publish.VersionStoring;
import io.mcpgov.registry.server.ServerVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;

/**
 * Ownership is per server. The first version's publisher becomes its accountable owner; later versions inherit the
 * server's owner (whoever publishes them) and its operational contact. A version that declares a contact
 * ({@code _meta["io.mcpgov.registry/governance"].contact}) sets it for the whole server; a changed contact is audited
 * as {@code ownership.contact-changed}.
 */
@ApplicationScoped
public class OwnershipAtPublish {

    private final OwnershipRepository ownership;
    private final ContactRepository contacts;
    private final AuditLog audit;

    OwnershipAtPublish(OwnershipRepository ownership, ContactRepository contacts, AuditLog audit) {
        this.ownership = ownership;
        this.contacts = contacts;
        this.audit = audit;
    }

    /** Before the insert, so that the version's row is written once with its owner and contact. */
    void apply(@Observes VersionStoring storing) {
        ServerVersion entry = storing.entry();
        Optional<OwnershipRepository.Latest> previous = storing.firstOfServer() ? Optional.empty()
                : ownership.latest(entry.name);
        boolean first = previous.isEmpty();
        String previousText = first ? null : previous.get().contactText();
        JsonNode previousContact = contacts.parse(previousText);
        if (!first) {
            entry.accountableOwner = previous.get().accountableOwner();
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
            contacts.setForServer(entry.name, declared);
            audit.record("ownership.contact-changed", "server", entry.name, ContactRepository.state(previousContact),
                    ContactRepository.state(declared));
        }
    }
}
