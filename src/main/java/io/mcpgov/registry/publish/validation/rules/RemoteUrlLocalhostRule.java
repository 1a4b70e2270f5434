package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A published remote must be reachable by others: loopback hosts only behind the development switch. */
public final class RemoteUrlLocalhostRule implements SemanticRule {

    public static final String ID = "remote-url-localhost";

    private final boolean allowHttpLoopback;

    public RemoteUrlLocalhostRule(boolean allowHttpLoopback) {
        this.allowHttpLoopback = allowHttpLoopback;
    }

    @Override
    public void check(JsonNode doc, Findings findings) {
        if (allowHttpLoopback) {
            return;
        }
        for (DocumentRemotes.Remote remote : DocumentRemotes.of(doc)) {
            if (remote.urls().stream().flatMap(Optional::stream).anyMatch(UrlParts::isLoopback)) {
                findings.error(ID, remote.path(), "remote url points to this machine (localhost or a loopback "
                        + "address); publish a URL others can reach");
            }
        }
    }
}
