package io.mcpgov.registry.console;

import io.mcpgov.registry.common.ProblemException;
import io.mcpgov.registry.common.Violation;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * CSRF protection of the console's forms. The browser holds a random value in an HttpOnly, SameSite=Strict cookie
 * scoped to /console; every form carries HMAC(key, cookie value, signed-in subject) in a hidden field; a POST is
 * accepted only when the field matches what the cookie and the session give. A page from another site can neither
 * read the cookie nor compute the token, and a token is useless to another user.
 *
 * <p>The registry's own filter is used rather than a CSRF extension because such an extension filters every REST
 * endpoint, so it would set cookies on, and refuse JSON bodies of, the bearer-token API.
 */
@ApplicationScoped
public class ConsoleCsrf {

    public static final String FIELD = "csrf";
    static final String COOKIE = "mcpgov-console-csrf";
    private static final String RULE = "csrf-token-invalid";

    private final SecureRandom random = new SecureRandom();
    private final byte[] key;
    private final boolean forceSecure;

    ConsoleCsrf(ConsoleConfig settings,
            @ConfigProperty(name = "quarkus.oidc.console.credentials.secret") Optional<String> clientSecret) {
        this.forceSecure = settings.secureCookies();
        this.key = key(settings.csrfKey(), clientSecret);
    }

    /** The token for this response's forms; gives the browser its CSRF cookie when it has none. */
    public String token(RoutingContext context, String subject) {
        String seed = seed(context);
        if (seed == null) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            seed = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            context.response().addCookie(Cookie.cookie(COOKIE, seed).setPath("/console").setHttpOnly(true)
                    .setSecure(forceSecure || context.request().isSSL()).setSameSite(CookieSameSite.STRICT));
        }
        return sign(seed, subject);
    }

    /** Refuses (403) a form whose token is missing or does not match, or that another site sent. */
    public void verify(RoutingContext context, String subject, String token) {
        String seed = seed(context);
        boolean crossSite = "cross-site".equals(context.request().getHeader("Sec-Fetch-Site"));
        if (crossSite || seed == null || token == null || !MessageDigest.isEqual(
                sign(seed, subject).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(403, "Forbidden", "This form could not be verified: it expired, or it did"
                    + " not come from this console. Reload the page and try again.",
                    List.of(new Violation(RULE, "/" + FIELD, "The form's CSRF token is missing or wrong.")));
        }
    }

    private static String seed(RoutingContext context) {
        Cookie cookie = context.request().getCookie(COOKIE);
        String value = cookie == null ? null : cookie.getValue();
        return value != null && value.matches("[A-Za-z0-9_-]{43}") ? value : null;
    }

    private String sign(String seed, String subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(seed.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            mac.update(subject.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] key(Optional<String> configured, Optional<String> clientSecret) {
        if (configured.isPresent() && configured.get().length() < 32) {
            throw new IllegalStateException("registry.console.csrf-key must be at least 32 characters");
        }
        Optional<String> material = configured.isPresent() ? configured : clientSecret.filter(s -> !s.isBlank());
        if (material.isEmpty()) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return bytes;
        }
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(("mcpgov-console-csrf\0" + material.get()).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
