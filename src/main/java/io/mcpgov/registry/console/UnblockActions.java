package io.mcpgov.registry.console;

import io.mcpgov.registry.common.RegistryMeta;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * For each listing rule id, what the owner can do to get the entry listed. A rule without an entry here still shows
 * its id and message; add a line when a feature adds a rule.
 */
@ApplicationScoped
public class UnblockActions {

    private static final String X = RegistryMeta.EXTENSION_PATH;

    private static final Map<String, String> ACTIONS = Map.of(
            "api-key-only", "Declare OAuth for the remotes (see \"Declaring OAuth\") and publish a new version;"
                    + " or, while that is not possible, request an exception for a reviewer to decide, with a"
                    + " justification, an end date and compensating controls (on this page, or POST " + X
                    + "/exceptions).",
            "oauth-verification-failed", "Fix what the failing checks report on the server's OAuth metadata, then"
                    + " ask for a new verification (POST " + X + "/servers/{name}/versions/{version}/verification)"
                    + " or wait for the next scheduled check.",
            "unauthenticated-remote", "Protect the remote with OAuth and declare it (see \"Declaring OAuth\"), then"
                    + " publish a new version.",
            "stored-secret", "Revoke the credential written at the places listed under secrets (it was served"
                    + " before it was found), then publish a new version that leaves it to the client: declare the"
                    + " input with isSecret and no value.");

    public String action(String ruleId) {
        return ACTIONS.getOrDefault(ruleId, "Resolve what the rule's message describes, then publish a new version.");
    }
}
