package dev.ferry.connectors;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently Ferry tries a system again after a transient failure. {@code maxAttempts}
 * counts every call, the first included. The wait before attempt n+1 is {@code initialDelay ×
 * multiplier^(n-1)}, at most {@code maxDelay}, spread by ± {@code jitter} so retries of many orders
 * do not arrive together; a Retry-After from the system is honoured up to {@code retryAfterLimit}.
 */
public record RetryPolicy(Integer maxAttempts, Duration initialDelay, Double multiplier, Duration maxDelay,
        Double jitter, Duration retryAfterLimit) {

    static final RetryPolicy DEFAULTS = new RetryPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(60), 0.2,
            Duration.ofMinutes(10));

    /** This policy with every unset value taken from {@code defaults}. */
    RetryPolicy orElse(RetryPolicy defaults) {
        return new RetryPolicy(
                maxAttempts != null ? maxAttempts : defaults.maxAttempts,
                initialDelay != null ? initialDelay : defaults.initialDelay,
                multiplier != null ? multiplier : defaults.multiplier,
                maxDelay != null ? maxDelay : defaults.maxDelay,
                jitter != null ? jitter : defaults.jitter,
                retryAfterLimit != null ? retryAfterLimit : defaults.retryAfterLimit);
    }

    public boolean allowsAnotherAfter(int failedAttempt) {
        return failedAttempt < maxAttempts;
    }

    /** The wait after attempt {@code failedAttempt} failed; never shorter than the system's Retry-After. */
    public Duration delayAfter(int failedAttempt, Duration retryAfter) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
        double capped = Math.min(base, maxDelay.toMillis());
        double spread = jitter <= 0 ? 0 : ThreadLocalRandom.current().nextDouble(-jitter, jitter);
        Duration backoff = Duration.ofMillis(Math.max(0, Math.round(capped * (1 + spread))));
        if (retryAfter == null) {
            return backoff;
        }
        Duration asked = retryAfter.compareTo(retryAfterLimit) > 0 ? retryAfterLimit : retryAfter;
        return asked.compareTo(backoff) > 0 ? asked : backoff;
    }
}
