package io.mcpgov.registry.ownership;

import io.mcpgov.registry.common.RegistryMeta;
import io.mcpgov.registry.policy.ListingRule;
import jakarta.enterprise.context.ApplicationScoped;

/** A server whose accountable owner was offboarded is orphaned: hidden from agents until someone takes it over. */
@ApplicationScoped
public class OwnerOffboardedRule implements ListingRule {

    public static final String ID = "owner-offboarded";

    /** True when the row's accountable owner was offboarded (a primary-key probe). */
    static final String ORPHANED = "EXISTS (SELECT 1 FROM offboarded_subject os WHERE os.subject = sv.accountable_owner)";

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
