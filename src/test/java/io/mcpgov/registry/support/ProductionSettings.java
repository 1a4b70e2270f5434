package io.mcpgov.registry.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The registry as it runs in production, for the tests that prove a promise only these settings keep: no loopback
 * allowance for publish, verification, imports or webhooks (the SSRF guard refuses every internal address), and
 * {@code Secure} console cookies (the production default). Background work is made observable within a test: the
 * verification scan looks every second, answers are renewed in the background after ten seconds, and the sweep that
 * announces ended exceptions runs once at start only, so that an exception's end reaching readers at once is the
 * listing horizon's doing, not the sweep's. Every test class of this profile shares one start of the application.
 */
public class ProductionSettings implements QuarkusTestProfile {

    /** {@code registry.verification.interval} in this profile. */
    public static final String VERIFICATION_INTERVAL_SECONDS = "3600";
    /** {@code registry.read-cache.max-age} in this profile, in seconds: renewal starts at half of it. */
    public static final int READ_CACHE_MAX_AGE_SECONDS = 20;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "registry.publish.allow-http-loopback", "false",
                "registry.verification.allow-http-loopback", "false",
                "registry.console.secure-cookies", "true",
                "registry.verification.scan-every", "1s",
                "registry.verification.interval", VERIFICATION_INTERVAL_SECONDS + "s",
                "registry.read-cache.max-age", READ_CACHE_MAX_AGE_SECONDS + "s",
                "registry.events.expiry-sweep-every", "1h");
    }
}
