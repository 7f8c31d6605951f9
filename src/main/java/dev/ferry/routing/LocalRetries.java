package dev.ferry.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.orders.OrderStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.DefaultExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Retries that this node runs from its memory: the order stays claimed by the node (its lease runs past the retry's
 * time), its document and progress stay here, and at the retry's time it resumes at the failed step on a thread of
 * this class. A retry so costs the failed step's call and the one commit that journals the attempt, where a retry
 * through the broker costs a scheduled durable message, a delivery, a claim and a fresh read of the order
 * (bench/run --only degraded). What memory cannot promise, the claim does: a node that dies loses its held orders
 * to the re-publisher once their lease has passed (at its next start at once), and a node that stops gives them up
 * as it stops. Bot steps and waits longer than {@code ferry.fulfilment.local-retry-max} go through the broker.
 */
@Component
class LocalRetries {

    private static final Logger log = LoggerFactory.getLogger(LocalRetries.class);

    /** All an order's route needs to go on at {@code step}, without a claim or a read. */
    record Resume(String orderId, ObjectNode order, Set<String> completed, Map<String, String> refs, String step,
            int attempt, Instant heldUntil) {
    }

    private final ObjectProvider<CamelContext> camel;
    private final OrderStore store;
    private final String nodeId;
    private final Duration max;
    private final int limit;
    private final ScheduledThreadPoolExecutor executor;
    private final Map<String, Resume> waiting = new ConcurrentHashMap<>();
    private volatile ProducerTemplate producer;
    private volatile boolean accepting = true;

    LocalRetries(ObjectProvider<CamelContext> camel, OrderStore store, @Value("${ferry.node-id}") String nodeId,
            @Value("${ferry.fulfilment.local-retry-max:60s}") Duration max,
            @Value("${ferry.fulfilment.local-retry-limit:10000}") int limit,
            @Value("${ferry.fulfilment.consumers}") int threads) {
        this.camel = camel;
        this.store = store;
        this.nodeId = nodeId;
        this.max = max;
        this.limit = limit;
        AtomicInteger count = new AtomicInteger();
        this.executor = new ScheduledThreadPoolExecutor(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "ferry-retry-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // at shutdown the waiting retries are dropped (their orders given up, see stopping()); running ones finish
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Whether a retry due after {@code delay} waits here rather than in the broker. */
    boolean accepts(Duration delay) {
        return accepting && !max.isZero() && !max.isNegative() && delay.compareTo(max) <= 0 && waiting.size() < limit;
    }

    /**
     * Runs the order's route again at its step after {@code delay}. If this node began to stop meanwhile, the order
     * is given up at once, like the retries that were waiting when it did (see stopping()).
     */
    void schedule(Resume resume, Duration delay) {
        waiting.put(resume.orderId(), resume);
        try {
            executor.schedule(() -> run(resume), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            waiting.remove(resume.orderId(), resume);
            store.release(List.of(resume.orderId()), nodeId);
        }
    }

    private void run(Resume resume) {
        if (!waiting.remove(resume.orderId(), resume)) {
            return;
        }
        try {
            Exchange exchange = new DefaultExchange(camel.getObject());
            exchange.getMessage().setBody(resume.orderId());
            exchange.setProperty(OrderExchange.RESUME, resume);
            Exchange done = producer().send("direct:fulfil-order", exchange);
            if (done.getException() != null) {
                log.warn("Order {}: the retry at {} failed outside its steps ({}); the order stays this node's until"
                        + " its claim runs out, then it is queued again", resume.orderId(), resume.step(),
                        done.getException().toString());
            }
        } catch (RuntimeException e) {
            log.warn("Order {}: the retry at {} could not start ({}); the order stays this node's until its claim runs"
                    + " out, then it is queued again", resume.orderId(), resume.step(), e.toString());
        }
    }

    private ProducerTemplate producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = camel.getObject().createProducerTemplate();
                }
            }
        }
        return producer;
    }

    // published before anything stops: retries not yet started are given up, so the re-publisher (another node's, or
    // this one's after its restart) queues their orders again instead of waiting for the claims to run out
    @EventListener(ContextClosedEvent.class)
    void stopping() {
        accepting = false;
        executor.shutdown();
        List<String> given = new ArrayList<>();
        for (Resume resume : List.copyOf(waiting.values())) {
            if (waiting.remove(resume.orderId(), resume)) {
                given.add(resume.orderId());
            }
        }
        if (given.isEmpty()) {
            return;
        }
        try {
            int released = store.release(given, nodeId);
            log.info("Stopping: {} order(s) waiting for a retry on this node given up to be queued again", released);
        } catch (RuntimeException e) {
            log.warn("Stopping: {} order(s) waiting for a retry could not be given up ({}); they are queued again when"
                    + " their claims run out, or when this node starts", given.size(), e.toString());
        }
    }
}
