package io.mcpgov.registry.policy;

import io.mcpgov.registry.classification.PolicyConfig;
import io.mcpgov.registry.server.ListingRule;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * When the policy does not list unauthenticated servers: a server with a remote that needs no credential and no
 * OAuth is hidden.
 */
@ApplicationScoped
public class UnauthenticatedRule implements ListingRule {

    public static final String ID = "unauthenticated-remote";

    private final boolean listUnauthenticated;

    UnauthenticatedRule(PolicyConfig config) {
        this.listUnauthenticated = config.listUnauthenticated();
    }

    @Override
    public boolean enabled() {
        return !listUnauthenticated;
    }

    @Override
    public String ruleId() {
        return ID;
    }

    @Override
    public String hidesWhen() {
        return "(sv.has_public_remote AND NOT sv.has_oauth)";
    }

    @Override
    public String message() {
        return "This server has a remote that accepts requests without any credential, and the registry's policy"
                + " (registry.policy.list-unauthenticated=false) does not list such servers.";
    }
}
