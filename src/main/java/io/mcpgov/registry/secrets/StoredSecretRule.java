package io.mcpgov.registry.secrets;

import io.mcpgov.registry.policy.ListingRule;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A stored version in which the secret scan found a credential is hidden from agents. A column of the row itself,
 * so the read query walks its index as before.
 */
@ApplicationScoped
public class StoredSecretRule implements ListingRule {

    public static final String ID = "stored-secret";

    @Override
    public String ruleId() {
        return ID;
    }

    @Override
    public String hidesWhen() {
        return "(sv.secret_findings IS NOT NULL)";
    }

    @Override
    public String message() {
        return "A credential is written into this version (secrets.findings in this view says where and what kind;"
                + " the value is never shown). The version is hidden from agents; nothing was deleted. Revoke the"
                + " credential, which was served before it was found, and publish a new version without it.";
    }
}
