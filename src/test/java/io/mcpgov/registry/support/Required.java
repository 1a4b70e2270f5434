package io.mcpgov.registry.support;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine it runs on (a browser, an IPv6 loopback address). On a developer's machine a
 * test that cannot run is skipped with the reason; in CI ({@code CI=true}) it fails instead, so that a build never
 * passes with tests that did not run.
 */
public final class Required {

    private Required() {
    }

    /** Whether the tests run in CI: the environment variable {@code CI} is {@code true} (or {@code 1}). */
    public static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && (ci.equalsIgnoreCase("true") || ci.equals("1"));
    }

    /** Skips the calling test for {@code reason}, or fails it under {@code CI=true}. */
    public static void unavailable(String reason) {
        if (inCi()) {
            throw new AssertionError("This test cannot run here, and CI=true does not allow skipping it: " + reason);
        }
        Assumptions.abort(reason);
    }
}
