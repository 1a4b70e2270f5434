package io.mcpgov.registry.classification;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The publisher's OAuth statement from the governance declaration ({@code auth.oauth2}). {@code remotes} is null
 * when not given, which makes it apply to every remote that carries no credential.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OAuthDeclaration(
        String resource,
        String protectedResourceMetadata,
        List<String> authorizationServers,
        List<String> scopesSupported,
        List<String> scopesRequired,
        ClientRegistration clientRegistration,
        List<String> remotes) {

    /** {@code clientId} is set only for {@link ClientRegistrationMode#PRE_REGISTERED}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClientRegistration(ClientRegistrationMode mode, String clientId) {
    }

    public boolean appliesExplicitlyTo(String remoteUrl) {
        return remotes != null && remoteUrl != null && remotes.contains(remoteUrl);
    }
}
