package dev.ferry.connectors;

/**
 * A failed call to an external system, in words for people ({@code reason}) and for engineers
 * ({@code detail}); {@code transientFailure} says whether trying again may help.
 */
public record Failure(boolean transientFailure, String reason, String detail) {
}
