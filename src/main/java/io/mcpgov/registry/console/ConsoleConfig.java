package io.mcpgov.registry.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Settings of the web console; each is documented in docs/configuration.md. */
@ConfigMapping(prefix = "registry.console")
public interface ConsoleConfig {

    /**
     * Mark every console cookie {@code Secure}, whatever the request's scheme (cookies are Secure anyway when the
     * request came over https). On by default; the local run and the tests, which use plain http, turn it off.
     */
    @WithDefault("true")
    boolean secureCookies();

    /**
     * Key of the HMAC that binds a form's CSRF token to the browser's CSRF cookie and the signed-in user (at least 32
     * characters). When absent it is derived from the console client's secret, so every instance agrees.
     */
    Optional<String> csrfKey();

    /** Origins besides the identity provider's to which console forms may lead (CSP {@code form-action}). */
    Optional<List<String>> formActionOrigins();

    /** An approved exception that ends within this many days is listed as expiring soon. */
    @WithDefault("14")
    int expiringSoonDays();

    /** A pending exception or tool review older than this many days is listed as overdue. */
    @WithDefault("7")
    int reviewOverdueDays();

    /** Rows one console list shows at most (queue sections, server lists). */
    @WithDefault("50")
    int pageSize();
}
