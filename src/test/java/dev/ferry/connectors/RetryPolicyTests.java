package dev.ferry.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private final RetryPolicy noJitter = new RetryPolicy(5, Duration.ofSeconds(1), 2.0, Duration.ofSeconds(5), 0.0,
            Duration.ofMinutes(1));

    @Test
    void theWaitDoublesAfterEachFailedAttemptUpToTheMaximum() {
        assertThat(noJitter.delayAfter(1, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(noJitter.delayAfter(2, null)).isEqualTo(Duration.ofSeconds(2));
        assertThat(noJitter.delayAfter(3, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(noJitter.delayAfter(4, null)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aRetryAfterLongerThanTheBackoffIsHonoured() {
        assertThat(noJitter.delayAfter(1, Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aRetryAfterShorterThanTheBackoffDoesNotShortenIt() {
        assertThat(noJitter.delayAfter(3, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void anAbsurdRetryAfterIsCappedAtTheLimit() {
        assertThat(noJitter.delayAfter(1, Duration.ofDays(2))).isEqualTo(Duration.ofMinutes(1));
    }

    @RepeatedTest(20)
    void jitterSpreadsTheWaitWithinItsBounds() {
        RetryPolicy jittered = new RetryPolicy(5, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(1), 0.2, Duration.ZERO);

        assertThat(jittered.delayAfter(1, null)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));
    }

    @Test
    void maxAttemptsCountsTheFirstCall() {
        assertThat(noJitter.allowsAnotherAfter(4)).isTrue();
        assertThat(noJitter.allowsAnotherAfter(5)).isFalse();
    }

    @Test
    void unsetValuesComeFromTheDefaults() {
        RetryPolicy own = new RetryPolicy(null, Duration.ofSeconds(2), null, null, null, null);

        RetryPolicy merged = own.orElse(RetryPolicy.DEFAULTS);

        assertThat(merged.initialDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(merged.maxAttempts()).isEqualTo(RetryPolicy.DEFAULTS.maxAttempts());
        assertThat(merged.maxDelay()).isEqualTo(RetryPolicy.DEFAULTS.maxDelay());
    }
}
