package io.mcpgov.registry.console;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every console response (pages, assets, sign-in redirects, errors): a strict
 * Content-Security-Policy (no inline script or style, nothing from other origins; forms may only lead to the console
 * and the identity provider), no framing, no referrer, no caching of pages.
 */
@ApplicationScoped
public class ConsoleHeaders {

    private final String policy;

    ConsoleHeaders(ConsoleConfig settings,
            @ConfigProperty(name = "quarkus.oidc.console.auth-server-url") Optional<String> issuer) {
        Set<String> formAction = new LinkedHashSet<>();
        formAction.add("'self'");
        issuer.flatMap(ConsoleHeaders::origin).ifPresent(formAction::add);
        settings.formActionOrigins().ifPresent(formAction::addAll);
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
                + " form-action " + String.join(" ", formAction);
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String path = context.normalizedPath();
            if (path.equals("/console") || path.startsWith("/console/")) {
                MultiMap headers = context.response().headers();
                headers.set("Content-Security-Policy", policy);
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
                headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
                if (!path.startsWith("/console/assets/")) {
                    headers.set("Cache-Control", "no-store");
                }
            }
            context.next();
        }, 10);
    }

    String policy() {
        return policy;
    }

    private static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
