package dev.ferry.inbox;

/** Why an order — or, for the last two, something other than an order — waits for a person. */
public enum FlagCategory {
    VALIDATION, DOWNSTREAM_REJECTED, RETRIES_EXHAUSTED, BUSINESS_RULE, BOT_FAILED, INTERNAL_ERROR,
    /** Not an order: a nightly comparison of two systems found they disagree. */
    RECONCILIATION,
    /** Not an order: a schedule paused itself after failing too often. */
    SCHEDULE_PAUSED
}
