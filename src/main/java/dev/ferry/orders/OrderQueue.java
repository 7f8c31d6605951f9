package dev.ferry.orders;

import jakarta.jms.DeliveryMode;
import jakarta.jms.TextMessage;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/** Puts order ids on the durable fulfilment queue; the order itself stays in the database. */
@Component
public class OrderQueue {

    /** On a retry message: the step to try again, and which attempt at it this is. */
    public static final String RETRY_STEP = "FerryRetryStep";
    public static final String RETRY_ATTEMPT = "FerryRetryAttempt";

    private final JmsTemplate jms;
    private final String queue;

    OrderQueue(JmsTemplate jms, @Value("${ferry.intake.queue}") String queue) {
        this.jms = jms;
        this.queue = queue;
        // a persistent send returns once the broker has the message on disk
        this.jms.setDeliveryPersistent(true);
        this.jms.setExplicitQosEnabled(true);
    }

    void send(String orderId) {
        jms.convertAndSend(queue, orderId);
    }

    /**
     * Queues the order again to be delivered after {@code delay}: the broker holds the message, so no
     * consumer thread waits and other orders keep flowing meanwhile.
     */
    public void sendLater(String orderId, Duration delay, String step, int attempt) {
        jms.execute(queue, (session, producer) -> {
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            producer.setDeliveryDelay(Math.max(0, delay.toMillis()));
            TextMessage message = session.createTextMessage(orderId);
            message.setStringProperty(RETRY_STEP, step);
            message.setIntProperty(RETRY_ATTEMPT, attempt);
            producer.send(message);
            return null;
        });
    }
}
