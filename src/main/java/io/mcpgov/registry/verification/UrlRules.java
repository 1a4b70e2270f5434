package io.mcpgov.registry.verification;

import io.mcpgov.registry.outbound.AddressClassifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The "is https" rule of the checks (E1, P5, P8, P14, A5), with the development switch: plain http to a loopback
 * literal or {@code localhost} counts as acceptable when {@code allowHttpLoopback} is on, so that tests and local
 * runs can use plain-http servers on loopback.
 */
final class UrlRules {

    private final boolean allowHttpLoopback;

    UrlRules(boolean allowHttpLoopback) {
        this.allowHttpLoopback = allowHttpLoopback;
    }

    /** Null when the URL is an acceptable https URL; otherwise why not. */
    String httpsProblem(String url) {
        URI uri = parse(url);
        if (uri == null || !uri.isAbsolute() || uri.getHost() == null) {
            return "not an absolute URL with a host";
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return null;
        }
        if (scheme.equals("http") && allowedHttpLoopback(uri)) {
            return null;
        }
        return "not https";
    }

    boolean isDevelopmentHttp(String url) {
        URI uri = parse(url);
        return uri != null && "http".equalsIgnoreCase(uri.getScheme()) && allowedHttpLoopback(uri);
    }

    static URI parse(String url) {
        if (url == null) {
            return null;
        }
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private boolean allowedHttpLoopback(URI uri) {
        if (!allowHttpLoopback || uri.getHost() == null) {
            return false;
        }
        if (uri.getHost().equalsIgnoreCase("localhost")) {
            return true;
        }
        return AddressClassifier.isLoopbackLiteral(uri.toString());
    }
}
