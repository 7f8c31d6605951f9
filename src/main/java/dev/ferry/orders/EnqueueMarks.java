package dev.ferry.orders;

import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Marks queued orders as queued, many in one statement a few times a second rather than with a commit of its own
 * for each order after its send. The mark only keeps the re-publisher from queueing an order again; an order whose
 * mark is lost (a crash, a failed write) is queued a second time after ferry.intake.republish-after, and the
 * consumer that claims it first is the only one that works on it.
 */
@Component
class EnqueueMarks {

    private static final Logger log = LoggerFactory.getLogger(EnqueueMarks.class);
    private static final long EVERY_MILLIS = 100;
    private static final int PER_STATEMENT = 500;

    private final OrderStore store;
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ferry-enqueue-marks");
        thread.setDaemon(true);
        return thread;
    });

    EnqueueMarks(OrderStore store) {
        this.store = store;
        writer.scheduleWithFixedDelay(this::write, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    void enqueued(String orderId) {
        pending.add(orderId);
    }

    void write() {
        try {
            List<String> ids = new ArrayList<>(PER_STATEMENT);
            for (String id = pending.poll(); id != null; id = pending.poll()) {
                ids.add(id);
                if (ids.size() == PER_STATEMENT) {
                    store.markEnqueued(ids);
                    ids.clear();
                }
            }
            if (!ids.isEmpty()) {
                store.markEnqueued(ids);
            }
        } catch (RuntimeException e) {
            // the orders are on the queue all the same; the re-publisher sends them once more, which does no harm
            log.warn("Could not mark queued orders as queued: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        writer.shutdown();
        write();
    }
}
