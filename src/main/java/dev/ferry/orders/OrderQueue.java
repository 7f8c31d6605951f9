package dev.ferry.orders;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/** Puts order ids on the durable fulfilment queue; the order itself stays in the database. */
@Component
class OrderQueue {

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
}
