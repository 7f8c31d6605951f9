package dev.ferry.inbox;

/** OPEN waits for a reviewer; RESOLVED was replayed (or approved); DISCARDED was given up on. */
enum ExceptionStatus {
    OPEN, RESOLVED, DISCARDED
}
