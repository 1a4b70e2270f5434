package io.mcpgov.registry.support;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Bearer tokens signed by the test issuer (the WireMock OIDC server's key), and broken ones. */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "https://service.example.com";

    private Tokens() {
    }

    /**
     * Lifetime of a valid token: longer than the whole suite, since some are made once and kept in constants
     * (the library's default of five minutes let them expire halfway through a slow run).
     */
    private static final Duration LIFETIME = Duration.ofHours(12);

    /** A valid token for {@code subject} whose {@code groups} claim carries roles and team names. */
    public static String of(String subject, String... groups) {
        return Jwt.subject(subject).upn(subject).groups(Set.of(groups)).issuer(ISSUER).audience(AUDIENCE)
                .expiresIn(LIFETIME).sign();
    }

    public static String expired(String subject, String... groups) {
        return Jwt.subject(subject).groups(Set.of(groups)).issuer(ISSUER).audience(AUDIENCE)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
    }

    public static String wrongIssuer(String subject, String... groups) {
        return Jwt.subject(subject).groups(Set.of(groups)).issuer("https://attacker.example.com").audience(AUDIENCE).sign();
    }

    public static String wrongSignature(String subject, String... groups) {
        try {
            var keys = KeyPairGenerator.getInstance("RSA");
            keys.initialize(2048);
            return Jwt.subject(subject).groups(Set.of(groups)).issuer(ISSUER).audience(AUDIENCE).jws().keyId("1")
                    .sign(keys.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
