package io.mcpgov.registry.publish.validation.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.mcpgov.registry.classification.GovernanceMeta;
import io.mcpgov.registry.common.Pointers;
import java.util.HashSet;
import java.util.Set;

/**
 * Every URL the OAuth declaration lists under {@code remotes} is one of the document's remote URLs (compared as
 * written), otherwise the declaration would silently apply to nothing. A declaration on a document without any
 * remote is only a warning: it is harmless, but no client can use it.
 */
public final class GovernanceOauthRemoteRule implements SemanticRule {

    public static final String ID = "governance-oauth-remote-unknown";
    public static final String NO_REMOTES = "governance-oauth-no-remotes";

    @Override
    public void check(JsonNode doc, Findings findings) {
        GovernanceMeta.locate(doc).ifPresent(declaration -> {
            JsonNode oauth = declaration.node().path("auth").path("oauth2");
            if (!oauth.isObject()) {
                return;
            }
            Set<String> remoteUrls = new HashSet<>();
            for (Nodes.Indexed remote : Nodes.objects(doc, "remotes")) {
                Nodes.text(remote.node(), "url").ifPresent(remoteUrls::add);
            }
            if (remoteUrls.isEmpty()) {
                findings.warning(NO_REMOTES, Pointers.append(declaration.path(), "auth", "oauth2"),
                        "OAuth is declared but the document has no remotes it could apply to");
            }
            JsonNode listed = oauth.get("remotes");
            if (listed == null || !listed.isArray()) {
                return;
            }
            for (int i = 0; i < listed.size(); i++) {
                if (listed.get(i).isTextual() && !remoteUrls.contains(listed.get(i).asText())) {
                    findings.error(ID, Pointers.append(declaration.path(), "auth", "oauth2", "remotes", i),
                            "not the url of any remote in this document");
                }
            }
        });
    }
}
