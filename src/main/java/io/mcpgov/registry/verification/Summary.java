package io.mcpgov.registry.verification;

import io.mcpgov.registry.outbound.Observed;
import java.util.List;

/**
 * What an agent needs to connect, as observed. Present whenever protected resource metadata was read, even when
 * some checks failed. Parts that could not be observed are null.
 *
 * @param metadataUrl          the URL the protected resource metadata was read from
 * @param asMetadataSource     how the first usable authorization server's metadata was found
 * @param registrationMode     registration offered by that authorization server (cimd preferred over dcr)
 * @param pkceS256             that authorization server lists S256 in code_challenge_methods_supported
 * @param scopes               scopes_supported of the protected resource metadata
 * @param challengeScopes      scope of the WWW-Authenticate challenge (what clients request first from 2025-11-25)
 * @param authorizationServers authorization_servers of the protected resource metadata
 * @param resource             resource of the protected resource metadata
 * @param text                 one line, e.g. {@code oauth2 (metadata via header; AS metadata via rfc8414;
 *                             registration cimd; pkce S256; scopes [a b])}
 */
public record Summary(MetadataSource metadataSource, String metadataUrl, AsMetadataSource asMetadataSource,
                      RegistrationMode registrationMode, boolean pkceS256, List<String> scopes,
                      List<String> challengeScopes, List<String> authorizationServers, String resource, String text) {

    static Summary of(MetadataSource metadataSource, String metadataUrl, AsMetadataSource asMetadataSource,
                      RegistrationMode registrationMode, boolean pkceS256, List<String> scopes,
                      List<String> challengeScopes, List<String> authorizationServers, String resource) {
        StringBuilder text = new StringBuilder("oauth2 (metadata via ").append(metadataSource.id());
        if (asMetadataSource == null) {
            text.append("; AS metadata unavailable");
        } else {
            text.append("; AS metadata via ").append(asMetadataSource.id())
                    .append("; registration ").append(registrationMode.id())
                    .append(pkceS256 ? "; pkce S256" : "; pkce S256 missing");
        }
        text.append("; scopes [").append(String.join(" ", scopes)).append("])");
        return new Summary(metadataSource, metadataUrl, asMetadataSource, registrationMode, pkceS256,
                List.copyOf(scopes), List.copyOf(challengeScopes), List.copyOf(authorizationServers), resource,
                Observed.sentence(text.toString()));
    }
}
