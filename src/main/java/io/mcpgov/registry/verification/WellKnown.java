package io.mcpgov.registry.verification;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** The discovery URLs, in the order MCP clients try them. */
final class WellKnown {

    record PrmCandidate(MetadataSource source, String url) {
    }

    record AsCandidate(AsMetadataSource source, String url) {
    }

    private static final String PRM = "/.well-known/oauth-protected-resource";
    private static final String OAUTH_AS = "/.well-known/oauth-authorization-server";
    private static final String OIDC = "/.well-known/openid-configuration";

    private WellKnown() {
    }

    /**
     * RFC 9728 section 3.1: the well-known string goes between the host and the endpoint's path (and query); an
     * endpoint without a path has only the root URL.
     */
    static List<PrmCandidate> protectedResource(URI endpoint) {
        String origin = origin(endpoint);
        String path = trimmedPath(endpoint);
        String query = endpoint.getRawQuery() == null ? "" : "?" + endpoint.getRawQuery();
        List<PrmCandidate> candidates = new ArrayList<>();
        if (!path.isEmpty()) {
            candidates.add(new PrmCandidate(MetadataSource.PATH, origin + PRM + path + query));
        }
        candidates.add(new PrmCandidate(MetadataSource.ROOT, origin + PRM));
        return candidates;
    }

    /**
     * For issuer https://as.example/t: RFC 8414 path insertion, OIDC path insertion, OIDC path appending. For an
     * issuer without a path: RFC 8414, then OIDC.
     */
    static List<AsCandidate> authorizationServer(URI issuer) {
        String origin = origin(issuer);
        String path = trimmedPath(issuer);
        if (path.isEmpty()) {
            return List.of(new AsCandidate(AsMetadataSource.RFC8414, origin + OAUTH_AS),
                    new AsCandidate(AsMetadataSource.OIDC, origin + OIDC));
        }
        return List.of(new AsCandidate(AsMetadataSource.RFC8414, origin + OAUTH_AS + path),
                new AsCandidate(AsMetadataSource.OIDC, origin + OIDC + path),
                new AsCandidate(AsMetadataSource.OIDC, origin + path + OIDC));
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** The path without a terminating slash ("" for none or "/"), as RFC 8414 and RFC 9728 ask. */
    private static String trimmedPath(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
