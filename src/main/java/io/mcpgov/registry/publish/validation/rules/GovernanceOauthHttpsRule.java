package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.classification.GovernanceMeta;
import io.mcpgov.registry.common.Pointers;
import java.util.Optional;

/**
 * The declared resource, metadata URL and authorization servers are https, as RFC 9728 and RFC 8414 require. Plain
 * http is accepted only behind the development switch and only for a loopback host, like remotes.
 */
public final class GovernanceOauthHttpsRule implements SemanticRule {

    public static final String ID = "governance-oauth-https";

    private final boolean allowHttpLoopback;

    public GovernanceOauthHttpsRule(boolean allowHttpLoopback) {
        this.allowHttpLoopback = allowHttpLoopback;
    }

    @Override
    public void check(JsonNode doc, Findings findings) {
        GovernanceMeta.locate(doc).ifPresent(declaration -> {
            JsonNode oauth = declaration.node().path("auth").path("oauth2");
            String at = Pointers.append(declaration.path(), "auth", "oauth2");
            check(oauth.get("resource"), Pointers.append(at, "resource"), findings);
            check(oauth.get("protectedResourceMetadata"), Pointers.append(at, "protectedResourceMetadata"), findings);
            JsonNode servers = oauth.path("authorizationServers");
            for (int i = 0; i < servers.size(); i++) {
                check(servers.get(i), Pointers.append(at, "authorizationServers", i), findings);
            }
        });
    }

    private void check(JsonNode value, String path, Findings findings) {
        if (value == null || !value.isTextual() || !value.asText().startsWith("http://")) {
            return;
        }
        Optional<UrlParts> url = UrlParts.parse(value.asText());
        if (!(allowHttpLoopback && url.isPresent() && url.get().isLoopback())) {
            findings.error(ID, path, "must use https");
        }
    }
}
