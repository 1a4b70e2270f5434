package io.mcpgov.registry.limits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Request budgets per caller. A caller with a valid token is its token's subject together with its client id; a
 * caller without a token, or whose token is refused, is its source address (an IPv6 address by its /64). Each budget
 * allows {@code limit} requests per {@code period}, counted by each instance on its own; a request beyond it is
 * answered 429 with {@code Retry-After}. The defaults leave a busy agent fleet behind one client id well under them.
 */
@ConfigMapping(prefix = "registry.limits")
public interface LimitsConfig {

    /** Whether callers are limited at all; off, nothing is counted and no 429 is answered. */
    @WithDefault("true")
    boolean enabled();

    /**
     * Callers each budget keeps counts for; beyond it the least recently seen are forgotten, and start a fresh
     * budget when they come back. Bounds the memory of the limits (about 0.5 KB a caller and budget).
     */
    @WithDefault("20000")
    int maxTrackedCallers();

    /** Discovery and every other GET, plus the reads with a body (scope-plan, tools-for-scopes). */
    Reads reads();

    /** Every POST, PUT, PATCH and DELETE not counted by a budget of its own. */
    Writes writes();

    /** POST /v0.1/validate (and /v0/validate). */
    Validate validate();

    /** POST .../verification: probes a server's remotes now. */
    VerifyNow verifyNow();

    /** POST .../imports. */
    Imports imports();

    /** Requests whose token is refused (bad signature, expired, wrong issuer), counted per source address. */
    BadTokens badTokens();

    interface Reads {
        /** Requests per period. */
        @WithDefault("2000")
        int limit();

        /** The period after which the budget is whole again. */
        @WithDefault("10s")
        Duration period();
    }

    interface Writes {
        /** Requests per period. */
        @WithDefault("600")
        int limit();

        /** The period after which the budget is whole again. */
        @WithDefault("1m")
        Duration period();
    }

    interface Validate {
        /** Requests per period. */
        @WithDefault("120")
        int limit();

        /** The period after which the budget is whole again. */
        @WithDefault("1m")
        Duration period();
    }

    interface VerifyNow {
        /** Requests per period. */
        @WithDefault("30")
        int limit();

        /** The period after which the budget is whole again. */
        @WithDefault("1m")
        Duration period();

        /** Verifications one caller may have running at once; one more is answered 429. */
        @WithDefault("2")
        int concurrent();
    }

    interface Imports {
        /** Requests per period. */
        @WithDefault("20")
        int limit();

        /** The period after which the budget is whole again. */
        @WithDefault("1h")
        Duration period();
    }

    interface BadTokens {
        /** Requests per period. */
        @WithDefault("300")
        int limit();

        /** The period after which the budget is whole again. */
        @WithDefault("1m")
        Duration period();
    }
}
