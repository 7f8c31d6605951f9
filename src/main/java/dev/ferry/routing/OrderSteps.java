package dev.ferry.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.connectors.ConnectorFailures;
import dev.ferry.connectors.Connectors;
import dev.ferry.connectors.Failure;
import dev.ferry.connectors.RetryPolicy;
import dev.ferry.orders.OrderQueue;
import dev.ferry.orders.Journal;
import dev.ferry.orders.OrderRecord;
import dev.ferry.orders.OrderStatus;
import dev.ferry.orders.OrderStore;
import dev.ferry.orders.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What an order route does around its business steps: claim the order, skip and journal steps,
 * flag the order when a step fails for good, and mark it complete.
 */
@Component("orderSteps")
public class OrderSteps {

    private static final Logger log = LoggerFactory.getLogger(OrderSteps.class);

    private final OrderStore store;
    private final Journal journal;
    private final ConnectorFailures failures;
    private final Connectors connectors;
    private final OrderQueue queue;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final TransactionTemplate tx;
    private final String nodeId;
    private final Duration lease;

    OrderSteps(OrderStore store, Journal journal, ConnectorFailures failures, Connectors connectors, OrderQueue queue,
            ApplicationEventPublisher events,
            ObjectMapper json, TransactionTemplate tx, @Value("${ferry.node-id}") String nodeId,
            @Value("${ferry.fulfilment.lease}") Duration lease) {
        this.store = store;
        this.journal = journal;
        this.failures = failures;
        this.connectors = connectors;
        this.queue = queue;
        this.events = events;
        this.json = json;
        this.tx = tx;
        this.nodeId = nodeId;
        this.lease = lease;
    }

    /** The first step of an order route: the body is the order id from the queue. */
    public void start(Exchange exchange) {
        String orderId = exchange.getMessage().getBody(String.class);
        // a retry message says which attempt at which step it carries; connectors clear headers later
        exchange.setProperty(OrderExchange.RETRY_STEP, exchange.getMessage().getHeader(OrderQueue.RETRY_STEP));
        exchange.setProperty(OrderExchange.RETRY_ATTEMPT, exchange.getMessage().getHeader(OrderQueue.RETRY_ATTEMPT));
        if (!store.claim(orderId, nodeId, Instant.now().plus(lease))) {
            // done already, or another worker holds it: this copy of the message has nothing to do
            log.debug("Order {} is not free to work on; message dropped", orderId);
            exchange.setRouteStop(true);
            return;
        }
        OrderRecord order = store.find(orderId).orElseThrow();
        exchange.setProperty(OrderExchange.ORDER_ID, orderId);
        exchange.setProperty(OrderExchange.COMPLETED_STEPS, journal.completedSteps(orderId));
        ObjectNode document = document(order);
        exchange.setProperty(OrderExchange.ORDER, document);
        exchange.getMessage().setBody(document);
    }

    boolean skipIfDone(Exchange exchange, String step) {
        Set<?> done = exchange.getProperty(OrderExchange.COMPLETED_STEPS, Set.class);
        if (done == null || !done.contains(step)) {
            return false;
        }
        // a retry of a later step passes the earlier ones silently: the journal already tells that story
        if (exchange.getProperty(OrderExchange.RETRY_STEP) == null) {
            journal.append(orderId(exchange), step, StepOutcome.SKIPPED, "Done before; not repeated.");
        }
        return true;
    }

    /** Records the step's refs (the ids its reply carried) and gives the next step the order again. */
    void completed(Exchange exchange, String step) {
        String orderId = orderId(exchange);
        ObjectNode order = exchange.getProperty(OrderExchange.ORDER, ObjectNode.class);
        Object reply = exchange.getMessage().getBody();
        Map<String, String> refs = reply == order ? Map.of() : refs(reply);
        if (!refs.isEmpty()) {
            order.set("refs", json.valueToTree(store.addRefs(orderId, refs)));
        }
        journal.append(orderId, step, StepOutcome.OK, refs.isEmpty() ? "Done." : "Done: " + describe(refs), refs);
        exchange.getMessage().setBody(order);
    }

    public void complete(Exchange exchange) {
        store.finish(orderId(exchange), OrderStatus.COMPLETED);
    }

    /**
     * Called by the order routes' onException when a step failed: a transient failure with attempts
     * left is tried again later (the broker holds the retry, no thread waits); anything else flags
     * the order for a person.
     */
    public void failed(Exchange exchange) {
        String orderId = orderId(exchange);
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String step = exchange.getProperty(Exchange.STEP_ID, "start", String.class);
        String system = exchange.getProperty(Connectors.SYSTEM, String.class);
        Failure failure = describe(exchange, cause);
        int attempt = attempt(exchange, step);
        RetryPolicy policy = connectors.retryPolicy(system);
        exchange.setProperty(OrderExchange.STOPPED, true);
        if (failure.transientFailure() && policy.allowsAnotherAfter(attempt)) {
            retryLater(orderId, step, attempt, failure, policy.delayAfter(attempt, failure.retryAfter()));
            return;
        }
        FlagCategory category = failure.transientFailure() ? FlagCategory.RETRIES_EXHAUSTED : category(cause, failure);
        String reason = failure.reason() + (attempt > 1 ? " (" + attempt + " attempts)" : "");
        flag(orderId, step, category, reason, failure.detail(), attempt);
    }

    /** Flags an order for a person: journal entry, status and inbox item commit together. */
    void flag(String orderId, String step, FlagCategory category, String reason, String detail, int attempts) {
        tx.executeWithoutResult(status -> {
            journal.append(orderId, step, StepOutcome.FAILED, category + ": " + reason);
            store.finish(orderId, OrderStatus.FLAGGED);
            events.publishEvent(new OrderFlagged(orderId, step, category, reason, detail, attempts));
        });
        log.warn("Order {} flagged at {}: {} {} [{}]", orderId, step, category, reason, detail);
    }

    private void retryLater(String orderId, String step, int attempt, Failure failure, Duration delay) {
        String wait = failure.retryAfter() != null && delay.compareTo(failure.retryAfter()) <= 0
                ? " as the system asked (Retry-After)" : "";
        journal.append(orderId, step, StepOutcome.RETRY, "Attempt " + attempt + " failed: "
                + withoutFinalStop(failure.reason()) + "; trying again in " + seconds(delay) + wait + ".");
        store.park(orderId, Instant.now().plus(delay), lease);
        queue.sendLater(orderId, delay, step, attempt + 1);
        log.info("Order {} at {}: attempt {} failed, next in {} ({})", orderId, step, attempt, seconds(delay),
                failure.reason());
    }

    /** Which attempt at this step just failed: a retry message carries its number, a first try is 1. */
    private static int attempt(Exchange exchange, String step) {
        if (step.equals(exchange.getProperty(OrderExchange.RETRY_STEP))) {
            return exchange.getProperty(OrderExchange.RETRY_ATTEMPT, 1, Integer.class);
        }
        return 1;
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
            if (t instanceof dev.ferry.rpa.BotRunException) {
                return FlagCategory.BOT_FAILED;
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

    private ObjectNode document(OrderRecord order) {
        ObjectNode document = order.payload().deepCopy();
        document.put("orderId", order.id());
        document.set("refs", json.valueToTree(order.refs()));
        return document;
    }

    private Map<String, String> refs(Object reply) {
        JsonNode node = reply instanceof JsonNode n ? n : reply instanceof Map<?, ?> m ? json.valueToTree(m) : null;
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        Map<String, String> refs = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                refs.put(field.getKey(), field.getValue().asText());
            }
        });
        return refs;
    }

    private static String describe(Map<String, String> refs) {
        return refs.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String orderId(Exchange exchange) {
        return exchange.getProperty(OrderExchange.ORDER_ID, String.class);
    }
}
