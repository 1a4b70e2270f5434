package io.mcpgov.registry.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.mcpgov.registry.common.TooManyRequestsException;
import io.mcpgov.registry.common.Violation;
import io.mcpgov.registry.verification.VerificationConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The budgets of every caller this instance has seen recently: one Resilience4j rate limiter per caller and budget,
 * kept in a bounded map, and the verify-now slots each caller holds. Charging never waits (a limiter's timeout is
 * zero), so it may run on an event loop. Every refusal is counted in {@code registry.limits.refused}, tagged with
 * the budget and the kind of caller, never with who it was.
 */
@ApplicationScoped
public class CallerBudgets {

    static final String METER = "registry.limits.refused";
    static final String CONCURRENCY = "verify-now-concurrency";

    private record Rate(int limit, Duration period, RateLimiterConfig limiter) {
        static Rate of(int limit, Duration period) {
            return new Rate(limit, period, RateLimiterConfig.custom().limitForPeriod(limit).limitRefreshPeriod(period)
                    .timeoutDuration(Duration.ZERO).build());
        }
    }

    private final boolean enabled;
    private final Map<Budget, Rate> rates = new EnumMap<>(Budget.class);
    private final Map<Budget, Cache<String, AtomicRateLimiter>> limiters = new EnumMap<>(Budget.class);
    /** Weak values: a caller's slot counter lives exactly as long as one of its verifications holds it. */
    private final Cache<String, AtomicInteger> verifying = Caffeine.newBuilder().weakValues().build();
    private final int concurrentVerifications;
    private final long verificationSeconds;
    private final Map<String, Counter> refusals = new HashMap<>();

    CallerBudgets(LimitsConfig config, VerificationConfig verification, MeterRegistry meters) {
        this.enabled = config.enabled();
        rates.put(Budget.READS, Rate.of(config.reads().limit(), config.reads().period()));
        rates.put(Budget.WRITES, Rate.of(config.writes().limit(), config.writes().period()));
        rates.put(Budget.VALIDATE, Rate.of(config.validate().limit(), config.validate().period()));
        rates.put(Budget.VERIFY_NOW, Rate.of(config.verifyNow().limit(), config.verifyNow().period()));
        rates.put(Budget.IMPORTS, Rate.of(config.imports().limit(), config.imports().period()));
        rates.put(Budget.BAD_TOKENS, Rate.of(config.badTokens().limit(), config.badTokens().period()));
        rates.forEach((budget, rate) -> limiters.put(budget, Caffeine.newBuilder()
                .maximumSize(config.maxTrackedCallers())
                // a caller unseen for a whole period has its whole budget again: nothing is lost by forgetting it
                .expireAfterAccess(rate.period().toNanos(), TimeUnit.NANOSECONDS)
                .build()));
        this.concurrentVerifications = config.verifyNow().concurrent();
        this.verificationSeconds = Math.max(1, verification.budget().toSeconds());
        for (String kind : new String[] {"token", "address"}) {
            for (Budget budget : Budget.values()) {
                register(meters, budget.id(), kind);
            }
            register(meters, CONCURRENCY, kind);
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** Takes one request from the caller's budget, or refuses it (429) when the budget is spent. Never blocks. */
    public void charge(Budget budget, CallerKey caller) {
        if (!enabled) {
            return;
        }
        Rate rate = rates.get(budget);
        AtomicRateLimiter limiter = limiters.get(budget).get(caller.value(), key -> new AtomicRateLimiter(budget.id(),
                rate.limiter()));
        if (limiter.acquirePermission(1)) {
            return;
        }
        refusals.get(budget.id() + "|" + caller.kind()).increment();
        long nanos = limiter.getDetailedMetrics().getNanosToWait();
        throw new TooManyRequestsException("This caller has spent its " + budget.id() + " budget of " + rate.limit()
                + " requests per " + human(rate.period()) + ".", new Violation("rate-limited", "",
                "The " + budget.id() + " budget (registry.limits." + budget.id() + ") is spent; retry later."),
                (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /**
     * Holds one of the caller's verify-now slots until closed, or refuses (429) when the caller has
     * {@code registry.limits.verify-now.concurrent} verifications running already.
     */
    public Slot verifyNowSlot(CallerKey caller) {
        if (!enabled) {
            return () -> {
            };
        }
        AtomicInteger running = verifying.get(caller.value(), key -> new AtomicInteger());
        if (running.incrementAndGet() > concurrentVerifications) {
            running.decrementAndGet();
            refusals.get(CONCURRENCY + "|" + caller.kind()).increment();
            throw new TooManyRequestsException("This caller has " + concurrentVerifications + " verifications running"
                    + " already.", new Violation(CONCURRENCY, "", "At most " + concurrentVerifications
                    + " verifications of one caller run at once (registry.limits.verify-now.concurrent)."),
                    verificationSeconds);
        }
        return running::decrementAndGet;
    }

    /** A held slot; closing it gives it back. */
    @FunctionalInterface
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private void register(MeterRegistry meters, String budget, String kind) {
        refusals.put(budget + "|" + kind, Counter.builder(METER).description("Requests refused because a budget was spent")
                .tag("budget", budget).tag("caller", kind).register(meters));
    }

    private static String human(Duration period) {
        long seconds = period.toSeconds();
        if (seconds > 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds > 0 ? seconds + "s" : period.toMillis() + "ms";
    }
}
