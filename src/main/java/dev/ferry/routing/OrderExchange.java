package dev.ferry.routing;

/** Exchange properties that carry an order through its route. */
final class OrderExchange {

    /** The order id: present on every exchange that works on an order. */
    static final String ORDER_ID = "ferryOrderId";
    /** The order document (canonical order plus orderId and refs) that steps read. */
    static final String ORDER = "ferryOrder";
    /** Steps this order completed before, so they are skipped on a replay or a redelivered message. */
    static final String COMPLETED_STEPS = "ferryCompletedSteps";
    /** When the current attempt of a step failed (System.nanoTime), to journal how long the retry waited. */
    static final String FAILED_AT = "ferryFailedAt";
    /** How many attempts the current step has had. */
    static final String ATTEMPTS = "ferryAttempts";
    /** Set once the order was flagged, so no later step runs or counts as done. */
    static final String FLAGGED = "ferryFlagged";

    private OrderExchange() {
    }
}
