package io.mcpgov.registry.verification;

import io.mcpgov.registry.classification.AuthProfile;
import io.mcpgov.registry.classification.AuthType;
import io.mcpgov.registry.classification.OAuthDeclaration;
import io.mcpgov.registry.classification.RemoteAuth;
import java.util.List;

/** One version's remotes, with the publisher's OAuth declaration for those it applies to. */
public record VerificationTarget(long versionId, String name, String version, AuthProfile profile) {

    public List<RemoteAuth> remotes() {
        return profile.remotes();
    }

    public boolean oauthDeclared(RemoteAuth remote) {
        return remote.auth() == AuthType.OAUTH2;
    }

    /** What to hold the remote to; null when the publisher declared no OAuth for it. */
    public DeclaredOAuth declared(RemoteAuth remote) {
        OAuthDeclaration d = profile.oauth2();
        if (!oauthDeclared(remote) || d == null) {
            return null;
        }
        return new DeclaredOAuth(d.resource(), d.authorizationServers(), d.scopesSupported(), d.scopesRequired(),
                d.clientRegistration() == null ? null : switch (d.clientRegistration().mode()) {
                    case CLIENT_ID_METADATA_DOCUMENT -> RegistrationMode.CIMD;
                    case DYNAMIC -> RegistrationMode.DCR;
                    case PRE_REGISTERED -> RegistrationMode.MANUAL;
                });
    }
}
