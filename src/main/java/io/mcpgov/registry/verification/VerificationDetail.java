package io.mcpgov.registry.verification;

import java.util.List;

/** Everything the last check observed for one version: the agents' view and every check and probe per remote. */
public record VerificationDetail(String name, String version, VerificationView verification,
        List<RemoteVerification> remotes) {
}
