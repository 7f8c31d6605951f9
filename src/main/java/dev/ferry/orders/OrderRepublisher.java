package dev.ferry.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Queues again what was durably accepted but is not being worked on: orders whose queue send
 * never happened, and orders whose worker died holding them. The consumer claims an order before
 * working on it, so a second copy on the queue does no harm.
 */
@Component
class OrderRepublisher {

    private static final Logger log = LoggerFactory.getLogger(OrderRepublisher.class);
    private static final int BATCH = 500;

    private final OrderStore store;
    private final OrderIntake intake;
    private final Duration after;

    OrderRepublisher(OrderStore store, OrderIntake intake, @Value("${ferry.intake.republish-after}") Duration after) {
        this.store = store;
        this.intake = intake;
        this.after = after;
    }

    @Scheduled(fixedDelayString = "${ferry.intake.republish-every}", initialDelayString = "${ferry.intake.republish-every}")
    void republish() {
        Instant now = Instant.now();
        List<String> orders = new ArrayList<>(store.unqueued(now.minus(after), BATCH));
        orders.addAll(store.abandoned(now, BATCH));
        if (!orders.isEmpty()) {
            log.info("Queueing {} order(s) again that were accepted but not being worked on", orders.size());
            orders.forEach(intake::enqueue);
        }
    }
}
