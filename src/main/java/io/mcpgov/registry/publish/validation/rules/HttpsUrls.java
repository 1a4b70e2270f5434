package io.mcpgov.registry.publish.validation.rules;

import java.util.Optional;

final class HttpsUrls {

    private HttpsUrls() {
    }

    /** An absolute https URL with a host. */
    static boolean isHttpsUrl(String url) {
        Optional<UrlParts> parts = UrlParts.parse(url);
        return parts.isPresent() && parts.get().isHttps();
    }
}
