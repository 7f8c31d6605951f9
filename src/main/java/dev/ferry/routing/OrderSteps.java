package dev.ferry.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.orders.Journal;
import dev.ferry.orders.JournalEntry;
import dev.ferry.orders.OrderQueue;
import dev.ferry.orders.OrderRecord;
import dev.ferry.orders.OrderStatus;
import dev.ferry.orders.OrderStore;
import dev.ferry.orders.StepOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.component.jms.JmsConstants;
import org.apache.camel.support.DefaultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What an order route does around its business steps: claim the order, skip and journal steps, and
 * mark it complete. When a step fails, {@link StepFailures} decides.
 */
@Component("orderSteps")
public class OrderSteps {

    private static final Logger log = LoggerFactory.getLogger(OrderSteps.class);

    private final OrderStore store;
    private final Journal journal;
    private final ObjectMapper json;
    private final String nodeId;
    private final Duration lease;
    private final ProgressWriter progress;
    private final OrderQueue queue;

    OrderSteps(OrderStore store, Journal journal, ObjectMapper json, ProgressWriter progress, OrderQueue queue,
            @Value("${ferry.node-id}") String nodeId, @Value("${ferry.fulfilment.lease}") Duration lease) {
        this.store = store;
        this.journal = journal;
        this.queue = queue;
        this.json = json;
        this.progress = progress;
        this.nodeId = nodeId;
        this.lease = lease;
    }

    /** The first step of an order route: the body is the order id from the queue. */
    public void start(Exchange exchange) {
        LocalRetries.Resume resume = exchange.getProperty(OrderExchange.RESUME, LocalRetries.Resume.class);
        if (resume != null) {
            resume(exchange, resume);
            return;
        }
        String orderId = exchange.getMessage().getBody(String.class);
        // a retry message says which attempt at which step it carries; connectors clear headers later
        exchange.setProperty(OrderExchange.RETRY_STEP, exchange.getMessage().getHeader(OrderQueue.RETRY_STEP));
        exchange.setProperty(OrderExchange.RETRY_ATTEMPT, exchange.getMessage().getHeader(OrderQueue.RETRY_ATTEMPT));
        Object from = exchange.getMessage().getHeader(JmsConstants.JMS_HEADER_DESTINATION);
        exchange.setProperty(OrderExchange.ON_BOT_QUEUE, queue.isBotQueue(from));
        if (!store.claim(orderId, nodeId, Instant.now().plus(lease))) {
            // done already, or another worker holds it: this copy of the message has nothing to do
            log.debug("Order {} is not free to work on; message dropped", orderId);
            exchange.setRouteStop(true);
            return;
        }
        OrderRecord order = store.find(orderId).orElseThrow();
        exchange.setProperty(OrderExchange.ORDER_ID, orderId);
        exchange.setProperty(OrderExchange.COMPLETED_STEPS, new HashSet<>(journal.completedSteps(orderId)));
        exchange.setProperty(OrderExchange.PROGRESS, new OrderProgress(order.refs()));
        ObjectNode document = document(order);
        exchange.setProperty(OrderExchange.ORDER, document);
        // from here on a plain message: Camel copies the message for every Kamelet call and HTTP reply, and a
        // copy of the JMS message asks the broker's message for its redelivery flag each time (2% of the
        // consumers' CPU in a profile). The JMS transaction does not depend on it; the headers come along.
        DefaultMessage message = new DefaultMessage(exchange);
        message.copyFromWithNewBody(exchange.getMessage(), document);
        exchange.setMessage(message);
    }

    /**
     * An order this node held for a retry ({@link LocalRetries}): its claim stands, so only a retry that runs late
     * (past half its lease) renews it, and drops the order if it is no longer this node's.
     */
    private void resume(Exchange exchange, LocalRetries.Resume resume) {
        Instant now = Instant.now();
        if (now.isAfter(resume.heldUntil().minus(lease.dividedBy(2)))
                && !store.reclaim(resume.orderId(), nodeId, now.plus(lease))) {
            log.info("Order {} is no longer this node's; its late retry is dropped", resume.orderId());
            exchange.setRouteStop(true);
            return;
        }
        exchange.setProperty(OrderExchange.ORDER_ID, resume.orderId());
        exchange.setProperty(OrderExchange.RETRY_STEP, resume.step());
        exchange.setProperty(OrderExchange.RETRY_ATTEMPT, resume.attempt());
        exchange.setProperty(OrderExchange.ON_BOT_QUEUE, false);
        exchange.setProperty(OrderExchange.COMPLETED_STEPS, new HashSet<>(resume.completed()));
        exchange.setProperty(OrderExchange.PROGRESS, new OrderProgress(resume.refs()));
        exchange.setProperty(OrderExchange.ORDER, resume.order());
        exchange.getMessage().setBody(resume.order());
    }

    /** What a retry from this node's memory needs to go on at {@code step} ({@link LocalRetries}). */
    LocalRetries.Resume resumeAt(Exchange exchange, String step, int attempt, Instant heldUntil) {
        @SuppressWarnings("unchecked")
        Set<String> completed = exchange.getProperty(OrderExchange.COMPLETED_STEPS, Set.class);
        return new LocalRetries.Resume(orderId(exchange), exchange.getProperty(OrderExchange.ORDER, ObjectNode.class),
                completed == null ? Set.of() : Set.copyOf(completed), OrderExchange.progress(exchange).refs(), step,
                attempt, heldUntil);
    }

    boolean skipIfDone(Exchange exchange, String step) {
        Set<?> done = exchange.getProperty(OrderExchange.COMPLETED_STEPS, Set.class);
        if (done == null || !done.contains(step)) {
            return false;
        }
        // a retry of a later step passes the earlier ones silently: the journal already tells that story
        if (exchange.getProperty(OrderExchange.RETRY_STEP) == null) {
            OrderExchange.progress(exchange).add(step, StepOutcome.SKIPPED, "Done before; not repeated.");
        }
        return true;
    }

    /**
     * A step that runs a bot, reached on an order consumer: the order leaves this consumer for the bot queue, to
     * resume at this step there, within this message's transaction. Meanwhile it is parked, like an order waiting
     * for a retry. Says whether it was handed over; on a bot consumer the step runs here.
     */
    boolean handOverToBots(Exchange exchange, String step) {
        if (exchange.getProperty(OrderExchange.ON_BOT_QUEUE, false, Boolean.class)) {
            return false;
        }
        String orderId = orderId(exchange);
        int attempt = OrderExchange.attempt(exchange, step);
        progress.park(orderId, OrderExchange.progress(exchange), Instant.now(), lease);
        queue.sendToBots(orderId, Duration.ZERO, step, attempt);
        exchange.setProperty(OrderExchange.STOPPED, true);
        exchange.setRouteStop(true);
        log.debug("Order {} handed to the bot queue for {}", orderId, step);
        return true;
    }

    /**
     * Notes the step's refs (the ids its reply carried) and gives the next step the order again. Written with the
     * next change of the order's state ({@link OrderProgress}); at once after a step that must not run twice.
     */
    void completed(Exchange exchange, String step, boolean writeNow) {
        ObjectNode order = exchange.getProperty(OrderExchange.ORDER, ObjectNode.class);
        Object reply = exchange.getMessage().getBody();
        Map<String, String> refs = reply == order ? Map.of() : refs(reply);
        String detail = refs.isEmpty() ? "Done." : "Done: " + describe(refs);
        OrderProgress done = exchange.getProperty(OrderExchange.PROGRESS, OrderProgress.class);
        if (done == null) {
            Map<String, String> all = progress.writeAlone(orderId(exchange),
                    new JournalEntry(step, StepOutcome.OK, Instant.now(), detail, refs));
            if (all != null) {
                order.set("refs", json.valueToTree(all));
            }
            exchange.getMessage().setBody(order);
            return;
        }
        done.add(step, StepOutcome.OK, detail, refs);
        // a retry from this node's memory passes the steps done so far, as one through the broker reads them back
        @SuppressWarnings("unchecked")
        Set<String> completed = exchange.getProperty(OrderExchange.COMPLETED_STEPS, Set.class);
        if (completed != null) {
            completed.add(step);
        }
        if (!refs.isEmpty()) {
            ObjectNode known = (ObjectNode) order.get("refs");
            refs.forEach(known::put);
        }
        if (writeNow) {
            progress.write(orderId(exchange), done);
        }
        exchange.getMessage().setBody(order);
    }

    /** The order document an order route works on; null on an exchange that carries no order (a schedule's). */
    public static ObjectNode orderOf(Exchange exchange) {
        return exchange.getProperty(OrderExchange.ORDER, ObjectNode.class);
    }

    public void complete(Exchange exchange) {
        progress.finish(orderId(exchange), OrderExchange.progress(exchange), OrderStatus.COMPLETED, () -> { });
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
