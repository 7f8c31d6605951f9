package dev.ferry.scheduling;

import java.time.Instant;

/** A schedule paused itself after this many FAILED runs in a row; the last run's error in plain words. */
public record SchedulePaused(String schedule, int consecutiveFailures, String lastError, Instant at) {
}
