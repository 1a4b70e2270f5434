package io.mcpgov.registry.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.Validator;

/**
 * Bearer tokens whose signature and claims were verified, with the identity they produced. The same token bytes
 * verify the same way, so a token seen again within {@code registry.security.token-cache.max-age} and before its
 * {@code exp} is not verified again; after either it is verified like a new one. Only successful verifications are
 * kept, a token is only ever looked up under the tenant that verified it, and only where nothing but the token's
 * bytes decide ({@link TokenCacheEligibility}).
 */
@ApplicationScoped
public class VerifiedTokens {

    static final String METER = "registry.token.cache";
    private static final Logger LOG = Logger.getLogger(VerifiedTokens.class);

    private final Cache<Key, Verified> entries;
    private final long maxAgeMillis;
    private final LongSupplier clock;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** Custom token validators (jose4j {@link Validator} beans) may judge more than the token: none, or no cache. */
    @Inject
    VerifiedTokens(SecurityConfig config, MeterRegistry meters, @Any Instance<Validator> validators) {
        this(entries(config.tokenCache().maxEntries(), validators),
                config.tokenCache().maxAge(), System::currentTimeMillis);
        FunctionCounter.builder(METER, hits, LongAdder::sum).tag("result", "hit").register(meters);
        FunctionCounter.builder(METER, misses, LongAdder::sum).tag("result", "miss").register(meters);
    }

    VerifiedTokens(int maxEntries, Duration maxAge, LongSupplier clock) {
        checkEntries(maxEntries);
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalStateException("registry.security.token-cache.max-age must be positive, was " + maxAge);
        }
        this.maxAgeMillis = maxAge.toMillis();
        this.clock = clock;
        this.entries = maxEntries == 0 ? null : Caffeine.newBuilder()
                .maximumSize(maxEntries)
                .expireAfterWrite(maxAge)
                .executor(Runnable::run)
                .build();
    }

    private static int entries(int configured, Instance<Validator> validators) {
        checkEntries(configured);
        if (configured > 0 && !validators.isUnsatisfied()) {
            LOG.info("Custom token validators are installed: every bearer token is verified on every request");
            return 0;
        }
        return configured;
    }

    private static void checkEntries(int maxEntries) {
        if (maxEntries < 0) {
            throw new IllegalStateException("registry.security.token-cache.max-entries must be 0 or more, was " + maxEntries);
        }
    }

    public boolean enabled() {
        return entries != null;
    }

    /** The identity a still-valid earlier verification of this token produced, or null. */
    public SecurityIdentity find(String tenant, String token) {
        if (entries == null || tenant == null) {
            return null;
        }
        Key key = new Key(tenant, token);
        Verified verified = entries.getIfPresent(key);
        if (verified != null && clock.getAsLong() < verified.acceptUntilMillis()) {
            hits.increment();
            return verified.identity();
        }
        if (verified != null) {
            entries.asMap().remove(key, verified);
        }
        misses.increment();
        return null;
    }

    /** Keeps an identity the token's issuer just vouched for, unless it has no expiry or is kept already. */
    public void keep(String tenant, String token, SecurityIdentity identity) {
        if (entries == null || tenant == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        if (!(jwt.getClaim(Claims.exp.name()) instanceof Number exp) || exp.longValue() <= 0) {
            return;
        }
        long expiresMillis = exp.longValue() * 1000;
        long now = clock.getAsLong();
        long until = Math.min(expiresMillis, now + maxAgeMillis);
        if (now < until) {
            entries.asMap().putIfAbsent(new Key(tenant, token), new Verified(identity, until));
        }
    }

    /**
     * A token under the tenant that verified it, hashed on the token's last characters (its signature's): each request
     * brings its token as a new string, whose full hash (of a kilobyte or more) would be computed anew every time.
     */
    private static final class Key {
        private static final int HASHED_CHARS = 32;
        final String tenant;
        final String token;
        final int hash;

        Key(String tenant, String token) {
            this.tenant = tenant;
            this.token = token;
            int h = tenant.hashCode();
            for (int i = Math.max(0, token.length() - HASHED_CHARS); i < token.length(); i++) {
                h = 31 * h + token.charAt(i);
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && hash == other.hash && token.equals(other.token)
                    && tenant.equals(other.tenant);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private record Verified(SecurityIdentity identity, long acceptUntilMillis) {
    }
}
