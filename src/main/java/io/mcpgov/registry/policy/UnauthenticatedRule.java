package io.mcpgov.registry.policy;

/**
 * When the policy does not list unauthenticated servers: a server with a remote that needs no credential and no
 * OAuth is hidden.
 */
public class UnauthenticatedRule implements ListingRule {

    public static final String ID = "unauthenticated-remote";

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
