package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * A remote is reached over https. Plain http is accepted only behind the development switch and only for a
 * loopback host. A URL that is not absolute (e.g. an empty host) is {@code remote-url-invalid}.
 */
public final class RemoteUrlHttpsRule implements SemanticRule {

    public static final String ID = "remote-url-https";
    public static final String INVALID = "remote-url-invalid";

    private final boolean allowHttpLoopback;

    public RemoteUrlHttpsRule(boolean allowHttpLoopback) {
        this.allowHttpLoopback = allowHttpLoopback;
    }

    @Override
    public void check(JsonNode doc, Findings findings) {
        for (DocumentRemotes.Remote remote : DocumentRemotes.of(doc)) {
            if (remote.urls().stream().anyMatch(Optional::isEmpty)) {
                findings.error(INVALID, remote.path(), "remote url must be an absolute URL with a host");
                continue;
            }
            boolean refused = remote.urls().stream().map(Optional::get).anyMatch(url ->
                    !url.isHttps() && !(allowHttpLoopback && url.isHttp() && url.isLoopback()));
            if (refused) {
                findings.error(ID, remote.path(), "remote url must use https");
            }
        }
    }
}
