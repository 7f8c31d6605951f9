package dev.ferry.routing;

/** Why an order waits for a person. */
public enum FlagCategory {
    VALIDATION, DOWNSTREAM_REJECTED, RETRIES_EXHAUSTED, BUSINESS_RULE, BOT_FAILED, INTERNAL_ERROR
}
