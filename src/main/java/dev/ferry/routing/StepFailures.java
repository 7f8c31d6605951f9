package dev.ferry.routing;

import dev.ferry.connectors.ConnectorFailures;
import dev.ferry.connectors.Connectors;
import dev.ferry.connectors.Failure;
import dev.ferry.connectors.RetryPolicy;
import dev.ferry.inbox.FlagCategory;
import dev.ferry.inbox.OrderFlagged;
import dev.ferry.orders.OrderQueue;
import dev.ferry.orders.OrderStatus;
import dev.ferry.orders.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** What happens to an order when one of its steps fails: another attempt later, or a person. */
@Component("stepFailures")
public class StepFailures {

    private static final Logger log = LoggerFactory.getLogger(StepFailures.class);
    /** When an order a stop cut short is due again: after this node's consumers have stopped. */
    private static final Duration AFTER_STOP = Duration.ofSeconds(5);

    private final ProgressWriter progress;
    private final ConnectorFailures failures;
    private final Connectors connectors;
    private final OrderQueue queue;
    private final ApplicationEventPublisher events;
    private final BotSteps botSteps;
    private final Duration lease;
    private final LocalRetries localRetries;
    private final OrderSteps orderSteps;
    private volatile boolean stopping;

    StepFailures(ProgressWriter progress, ConnectorFailures failures, Connectors connectors, OrderQueue queue,
            ApplicationEventPublisher events, BotSteps botSteps, LocalRetries localRetries, OrderSteps orderSteps,
            @Value("${ferry.fulfilment.lease}") Duration lease) {
        this.localRetries = localRetries;
        this.orderSteps = orderSteps;
        this.progress = progress;
        this.failures = failures;
        this.connectors = connectors;
        this.queue = queue;
        this.events = events;
        this.botSteps = botSteps;
        this.lease = lease;
    }

    /**
     * Called by the order routes' onException when a step failed: a transient failure with attempts
     * left is tried again later (a short wait from this node's memory, LocalRetries; a longer one or a
     * bot step's through the broker; no consumer thread waits either way); anything else flags the
     * order for a person.
     */
    public void failed(Exchange exchange) {
        String orderId = orderId(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String step = exchange.getProperty(Exchange.STEP_ID, "start", String.class);
        if (stopping) {
            // a step cut short by the stop (a bot run ends at its next step) is not the order's failure: no journal
            // entry, no attempt used up; the order is queued again for the same attempt at this step, in the
            // consumer's transaction, and the next start (or another node) takes it up
            exchange.setProperty(OrderExchange.STOPPED, true);
            progress.park(orderId, OrderExchange.progress(exchange), Instant.now().plus(AFTER_STOP), lease);
            queueAgain(orderId, AFTER_STOP, step, OrderExchange.attempt(exchange, step));
            log.info("Order {} at {}: Ferry is stopping; the order is queued again for the next start", orderId, step);
            return;
        }
        String system = exchange.getProperty(Connectors.SYSTEM, String.class);
        Failure failure = describe(exchange, cause);
        int attempt = OrderExchange.attempt(exchange, step);
        RetryPolicy policy = connectors.retryPolicy(system);
        exchange.setProperty(OrderExchange.STOPPED, true);
        if (failure.transientFailure() && policy.allowsAnotherAfter(attempt)) {
            retryLater(exchange, orderId, OrderExchange.progress(exchange), step, attempt, failure,
                    policy.delayAfter(attempt, failure.retryAfter()));
            return;
        }
        FlagCategory category = failure.transientFailure() ? FlagCategory.RETRIES_EXHAUSTED : category(cause, failure);
        String reason = failure.reason() + (attempt > 1 ? " (" + attempt + " attempts)" : "");
        flag(orderId, OrderExchange.progress(exchange), step, category, reason, failure.detail(), attempt);
    }

    // published before anything stops: from here on a failing step is the stop's doing
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        stopping = true;
    }

    /** Flags an order for a person: journal entry, status and inbox item commit together. */
    void flag(String orderId, String step, FlagCategory category, String reason, String detail, int attempts) {
        flag(orderId, new OrderProgress(java.util.Map.of()), step, category, reason, detail, attempts);
    }

    /** Like {@link #flag(String, String, FlagCategory, String, String, int)}, with what the route did before. */
    private void flag(String orderId, OrderProgress done, String step, FlagCategory category, String reason,
            String detail, int attempts) {
        done.add(step, StepOutcome.FAILED, category + ": " + reason);
        progress.finish(orderId, done, OrderStatus.FLAGGED,
                () -> events.publishEvent(new OrderFlagged(orderId, step, category, reason, detail, attempts)));
        log.warn("Order {} flagged at {}: {} {} [{}]", orderId, step, category, reason, detail);
    }

    private void retryLater(Exchange exchange, String orderId, OrderProgress done, String step, int attempt,
            Failure failure, Duration delay) {
        String wait = failure.retryAfter() != null && delay.compareTo(failure.retryAfter()) <= 0
                ? " as the system asked (Retry-After)" : "";
        done.add(step, StepOutcome.RETRY, "Attempt " + attempt + " failed: "
                + withoutFinalStop(failure.reason()) + "; trying again in " + seconds(delay) + wait + ".");
        Instant retryAt = Instant.now().plus(delay);
        if (!botSteps.contains(step) && !exchange.getProperty(OrderExchange.ON_BOT_QUEUE, false, Boolean.class)
                && localRetries.accepts(delay)) {
            // the order stays this node's and waits in its memory: no broker round trip, claim or read to come back
            Instant heldUntil = retryAt.plus(lease);
            progress.hold(orderId, done, heldUntil);
            localRetries.schedule(orderSteps.resumeAt(exchange, step, attempt + 1, heldUntil), delay);
        } else {
            progress.park(orderId, done, retryAt, lease);
            queueAgain(orderId, delay, step, attempt + 1);
        }
        log.info("Order {} at {}: attempt {} failed, next in {} ({})", orderId, step, attempt, seconds(delay),
                failure.reason());
    }

    /** Straight to the queue whose consumers run the step: a bot step's retry never waits for an order consumer. */
    private void queueAgain(String orderId, Duration delay, String step, int attempt) {
        if (botSteps.contains(step)) {
            queue.sendToBots(orderId, delay, step, attempt);
        } else {
            queue.sendLater(orderId, delay, step, attempt);
        }
    }

    private static String seconds(Duration delay) {
        return String.format(java.util.Locale.ENGLISH, "%.1f s", delay.toMillis() / 1000.0);
    }

    private static String withoutFinalStop(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** Ferry's own rule exceptions are written for people; everything else is mapped. */
    private Failure describe(Exchange exchange, Throwable cause) {
        if (cause instanceof BusinessRuleException) {
            return new Failure(false, cause.getMessage(), cause.getClass().getName() + ": " + cause.getMessage());
        }
        return failures.describe(cause, exchange.getProperty(Connectors.SYSTEM, String.class));
    }

    private static FlagCategory category(Throwable cause, Failure failure) {
        if (cause instanceof BusinessRuleException) {
            return FlagCategory.BUSINESS_RULE;
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof dev.ferry.rpa.BotRunException bot) {
                // the legacy system refused the data (a field's message, an option it does not offer, a bot's fail:
                // step), as a 4xx of an API does: the data must change, the screen did not
                return bot.code().dataProblem() ? FlagCategory.DOWNSTREAM_REJECTED : FlagCategory.BOT_FAILED;
            }
        }
        if (failure.transientFailure()) {
            return FlagCategory.RETRIES_EXHAUSTED;
        }
        if (cause instanceof org.apache.camel.http.base.HttpOperationFailedException) {
            return FlagCategory.DOWNSTREAM_REJECTED;
        }
        return FlagCategory.INTERNAL_ERROR;
    }

    private static String orderId(Exchange exchange) {
        return exchange.getProperty(OrderExchange.ORDER_ID, String.class);
    }
}
