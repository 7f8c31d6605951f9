package dev.ferry.connectors;

import java.time.Duration;

/**
 * A failed call to an external system, in words for people ({@code reason}) and for engineers
 * ({@code detail}); {@code transientFailure} says whether trying again may help, and
 * {@code retryAfter} how long the system asked Ferry to wait (null when it did not say).
 */
public record Failure(boolean transientFailure, String reason, String detail, Duration retryAfter) {

    public Failure(boolean transientFailure, String reason, String detail) {
        this(transientFailure, reason, detail, null);
    }
}
