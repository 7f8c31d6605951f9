package dev.ferry.orders;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import dev.ferry.tracing.OrderTraces;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts order ids on the durable fulfilment queues; the order itself stays in the database. Orders go to the
 * order queue; a step that runs a bot is worked on from the bot queue, by consumers of its own, so a long bot run
 * never takes a consumer that other orders wait for.
 */
@Component
public class OrderQueue {

    /**
     * On a message that resumes an order at a step (a retry, or a bot step handed to the bot queue): the step, and
     * which attempt at it this is. The steps before it are done and passed without a journal entry.
     */
    public static final String RETRY_STEP = "FerryRetryStep";
    public static final String RETRY_ATTEMPT = "FerryRetryAttempt";

    private final JmsTemplate jms;
    private final String queue;
    private final String botQueue;
    private final OrderTraces traces;
    private final OrderStore store;

    OrderQueue(JmsTemplate jms, @Value("${ferry.intake.queue}") String queue,
            @Value("${ferry.fulfilment.bot-queue}") String botQueue, OrderTraces traces, OrderStore store) {
        this.jms = jms;
        this.traces = traces;
        this.store = store;
        this.queue = queue;
        this.botQueue = botQueue;
        // a persistent send returns once the broker has the message on disk
        this.jms.setDeliveryPersistent(true);
        this.jms.setExplicitQosEnabled(true);
    }

    void send(String orderId) {
        if (!traces.on()) {
            jms.convertAndSend(queue, orderId);
            return;
        }
        try (var sending = traces.sending(store.traceParent(orderId), "queue order")) {
            send(queue, orderId, Duration.ZERO, null, 0, sending.traceparent());
        }
    }

    /**
     * Queues the order again to be delivered after {@code delay}: the broker holds the message, so no
     * consumer thread waits and other orders keep flowing meanwhile.
     */
    public void sendLater(String orderId, Duration delay, String step, int attempt) {
        send(queue, orderId, delay, step, attempt);
    }

    /** Like {@link #sendLater}, to the bot queue: for a step that runs a bot. */
    public void sendToBots(String orderId, Duration delay, String step, int attempt) {
        send(botQueue, orderId, delay, step, attempt);
    }

    /** Whether a message came from the bot queue: {@code destination} is its JMSDestination. */
    public boolean isBotQueue(Object destination) {
        try {
            return destination instanceof Queue q && botQueue.equals(q.getQueueName());
        } catch (JMSException e) {
            return false;
        }
    }

    private void send(String queue, String orderId, Duration delay, String step, int attempt) {
        if (!traces.on()) {
            send(queue, orderId, delay, step, attempt, null);
            return;
        }
        // the message carries the order's trace, so its delivery continues it (docs/operations.md#tracing)
        try (var sending = traces.sending(store.traceParent(orderId), "queue order")) {
            send(queue, orderId, delay, step, attempt, sending.traceparent());
        }
    }

    private void send(String queue, String orderId, Duration delay, String step, int attempt, String traceparent) {
        jms.execute(queue, (session, producer) -> {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.setDeliveryDelay(Math.max(0, delay.toMillis()));
            TextMessage message = session.createTextMessage(orderId);
            if (step != null) {
                message.setStringProperty(RETRY_STEP, step);
                message.setIntProperty(RETRY_ATTEMPT, attempt);
            }
            if (traceparent != null) {
                message.setStringProperty(OrderTraces.TRACEPARENT, traceparent);
            }
            producer.send(message);
            return null;
        });
    }
}
