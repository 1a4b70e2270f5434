package io.mcpgov.registry.ownership;

import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.server.ListingRule;
import jakarta.enterprise.context.ApplicationScoped;

/** A server whose accountable owner was offboarded is orphaned: hidden from agents until someone takes it over. */
@ApplicationScoped
public class OwnerOffboardedRule implements ListingRule {

    public static final String ID = "owner-offboarded";

    /**
     * True when the row's accountable owner was offboarded (a primary-key probe). Written as a scalar subquery, not
     * EXISTS: under NOT, EXISTS becomes an anti-join whose row estimate (the table is nearly always empty) makes the
     * planner sort every listed row instead of walking the (name, version) index for a page.
     */
    static final String ORPHANED =
            "COALESCE((SELECT true FROM offboarded_subject os WHERE os.subject = sv.accountable_owner), false)";

    @Override
    public String ruleId() {
        return ID;
    }

    @Override
    public String hidesWhen() {
        return ORPHANED;
    }

    @Override
    public String message() {
        return "The server's accountable owner has left the organisation, so nobody answers for it. It is hidden from"
                + " agents until a publisher of the owning team takes it over (PUT " + RegistryMeta.EXTENSION_PATH
                + "/ownership/{serverName}/accountable-owner naming themselves) or an admin transfers it.";
    }
}
