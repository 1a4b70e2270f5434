package io.mcpgov.registry.verification;

import java.util.List;

/**
 * What the publisher declared about a remote's OAuth set-up; every part is optional. Pass {@code null} instead of a
 * declaration when the publisher declares no OAuth for the remote.
 *
 * @param resource             the resource identifier (RFC 8707) clients should ask tokens for
 * @param authorizationServers issuer identifiers
 * @param clientRegistration   how clients get a client id; null when not declared
 */
public record DeclaredOAuth(String resource, List<String> authorizationServers, List<String> scopesSupported,
                            List<String> scopesRequired, RegistrationMode clientRegistration) {

    public DeclaredOAuth {
        authorizationServers = authorizationServers == null ? List.of() : List.copyOf(authorizationServers);
        scopesSupported = scopesSupported == null ? List.of() : List.copyOf(scopesSupported);
        scopesRequired = scopesRequired == null ? List.of() : List.copyOf(scopesRequired);
    }
}
