package dev.ferry.routing;

import org.apache.camel.Exchange;

/** Exchange properties that carry an order through its route. */
final class OrderExchange {

    /** The order id: present on every exchange that works on an order. */
    static final String ORDER_ID = "ferryOrderId";
    /** The order document (canonical order plus orderId and refs) that steps read. */
    static final String ORDER = "ferryOrder";
    /** Steps this order completed before, so they are skipped on a replay or a redelivered message. */
    static final String COMPLETED_STEPS = "ferryCompletedSteps";
    /** On a retry, or a bot step handed to the bot queue: the step to resume at and the number of this attempt at it. */
    static final String RETRY_STEP = "ferryRetryStep";
    static final String RETRY_ATTEMPT = "ferryRetryAttempt";
    /** What the route did since it last wrote: {@link OrderProgress}. */
    static final String PROGRESS = "ferryProgress";
    /** Set when the message came from the bot queue: this consumer runs bot steps itself. */
    static final String ON_BOT_QUEUE = "ferryOnBotQueue";
    /** On an exchange that resumes an order this node held for a retry: {@link LocalRetries.Resume}. */
    static final String RESUME = "ferryResume";
    /** Set once the order left the route, flagged or waiting for a retry, so no step counts as done. */
    static final String STOPPED = "ferryStopped";

    private OrderExchange() {
    }

    /** The order's progress since its last write; an empty one where the route never started it. */
    static OrderProgress progress(Exchange exchange) {
        OrderProgress progress = exchange.getProperty(PROGRESS, OrderProgress.class);
        if (progress == null) {
            progress = new OrderProgress(java.util.Map.of());
            exchange.setProperty(PROGRESS, progress);
        }
        return progress;
    }

    /** Which attempt at {@code step} this exchange makes: the message's own count when it resumes at that step. */
    static int attempt(Exchange exchange, String step) {
        return step.equals(exchange.getProperty(RETRY_STEP)) ? exchange.getProperty(RETRY_ATTEMPT, 1, Integer.class) : 1;
    }
}
