package io.mcpgov.registry.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private static final long START = 1_800_000_000_000L;
    private static final String TENANT = "Default";

    private final AtomicLong now = new AtomicLong(START);
    private final VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(1), now::get);

    @Test
    void aTokenVerifiedBeforeIsFoundUnderItsTenant() {
        SecurityIdentity identity = identity(START / 1000 + 300);
        tokens.keep(TENANT, "token-a", identity);

        assertSame(identity, tokens.find(TENANT, "token-a"));
        assertNull(tokens.find("console", "token-a"));
        assertNull(tokens.find(TENANT, "token-b"));
        assertNull(tokens.find(null, "token-a"));
    }

    @Test
    void tokensThatEndAlikeAreToldApartByTheirWholeText() {
        String signature = ".c2lnbmF0dXJlLW9mLXRoZS10b2tlbi13aXRoLWEtbG9uZy10YWls";
        SecurityIdentity identity = identity(START / 1000 + 300);
        tokens.keep(TENANT, "header.payload-a" + signature, identity);

        assertSame(identity, tokens.find(TENANT, new String("header.payload-a" + signature)));
        assertNull(tokens.find(TENANT, "header.payload-b" + signature));
        assertNull(tokens.find(TENANT, signature));
    }

    @Test
    void aTokenIsNotFoundOnceItHasExpired() {
        tokens.keep(TENANT, "token-a", identity(START / 1000 + 10));

        now.set(START + 9_999);
        assertNotNull(tokens.find(TENANT, "token-a"));
        now.set(START + 10_000);
        assertNull(tokens.find(TENANT, "token-a"));
    }

    @Test
    void aTokenIsVerifiedAgainAfterMaxAgeEvenIfItIsStillValid() {
        tokens.keep(TENANT, "token-a", identity(START / 1000 + 3600));

        now.set(START + 59_999);
        assertNotNull(tokens.find(TENANT, "token-a"));
        now.set(START + 60_000);
        assertNull(tokens.find(TENANT, "token-a"));
    }

    @Test
    void tokensWithoutExpiryOrAlreadyExpiredAreNotKept() {
        tokens.keep(TENANT, "no-exp", identity(0));
        tokens.keep(TENANT, "expired", identity(START / 1000 - 1));
        tokens.keep(TENANT, "not-a-jwt", QuarkusSecurityIdentity.builder().setPrincipal(() -> "someone").build());

        assertNull(tokens.find(TENANT, "no-exp"));
        assertNull(tokens.find(TENANT, "expired"));
        assertNull(tokens.find(TENANT, "not-a-jwt"));
    }

    @Test
    void noEntriesMeansEveryTokenIsVerified() {
        VerifiedTokens off = new VerifiedTokens(0, Duration.ofMinutes(1), now::get);
        off.keep(TENANT, "token-a", identity(START / 1000 + 300));

        assertFalse(off.enabled());
        assertNull(off.find(TENANT, "token-a"));
    }

    @Test
    void settingsOutOfRangeStopTheStart() {
        assertThrows(IllegalStateException.class, () -> new VerifiedTokens(-1, Duration.ofMinutes(1), now::get));
        assertThrows(IllegalStateException.class, () -> new VerifiedTokens(10, Duration.ZERO, now::get));
    }

    private static SecurityIdentity identity(long expiresAtSeconds) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new Claims(expiresAtSeconds)).build();
    }

    private record Claims(long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return "agnes";
        }

        @Override
        public Set<String> getClaimNames() {
            return exp == 0 ? Set.of("sub") : Set.of("sub", "exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            Map<String, Object> claims = exp == 0 ? Map.of("sub", "agnes") : Map.of("sub", "agnes", "exp", exp);
            return (T) claims.get(claimName);
        }
    }
}
