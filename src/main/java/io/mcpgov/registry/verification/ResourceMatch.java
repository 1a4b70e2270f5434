package io.mcpgov.registry.verification;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** How a protected resource's {@code resource} value relates to the MCP endpoint URL (check P6). */
enum ResourceMatch {
    /** Character for character. */
    IDENTICAL,
    /** Equal after RFC 3986 syntax normalisation: case of scheme and host, default port, empty path. */
    EQUIVALENT,
    /** Same origin, and the endpoint's path lies under the resource's path (accepted by the TypeScript SDK). */
    PATH_PREFIX,
    DIFFERENT;

    static ResourceMatch of(String resource, String endpoint) {
        if (resource.equals(endpoint)) {
            return IDENTICAL;
        }
        URI a = UrlRules.parse(resource);
        URI b = UrlRules.parse(endpoint);
        if (a == null || b == null || !a.isAbsolute() || !b.isAbsolute() || a.getHost() == null || b.getHost() == null) {
            return DIFFERENT;
        }
        if (!origin(a).equals(origin(b))) {
            return DIFFERENT;
        }
        String pathA = path(a);
        String pathB = path(b);
        if (pathA.equals(pathB) && Objects.equals(a.getRawQuery(), b.getRawQuery())) {
            return EQUIVALENT;
        }
        String prefix = pathA.endsWith("/") ? pathA : pathA + "/";
        return a.getRawQuery() == null && pathB.startsWith(prefix) ? PATH_PREFIX : DIFFERENT;
    }

    /** True for IDENTICAL and EQUIVALENT: the same identifier. */
    static boolean same(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        ResourceMatch match = of(a, b);
        return match == IDENTICAL || match == EQUIVALENT;
    }

    private static String origin(URI uri) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static String path(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
