package dev.ferry.routing;

import dev.ferry.inbox.FlagCategory;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nothing waits unseen: an order IN_PROGRESS whose journal has not moved for
 * {@code ferry.fulfilment.stall-after} is flagged as stalled, so a person looks at it.
 */
@Component
class StalledOrders {

    private static final Logger log = LoggerFactory.getLogger(StalledOrders.class);

    private final JdbcClient jdbc;
    private final StepFailures failures;
    private final Duration stallAfter;

    StalledOrders(JdbcClient jdbc, StepFailures failures, @Value("${ferry.fulfilment.stall-after}") Duration stallAfter) {
        this.jdbc = jdbc;
        this.failures = failures;
        this.stallAfter = stallAfter;
    }

    private record Stalled(String id, String lastStep) {
    }

    @Scheduled(fixedDelayString = "${ferry.fulfilment.stall-check-every}",
            initialDelayString = "${ferry.fulfilment.stall-check-every}")
    void flagStalled() {
        Instant before = Instant.now().minus(stallAfter);
        var stalled = jdbc.sql("""
                SELECT o.id, (SELECT j.step FROM order_journal j WHERE j.order_id = o.id ORDER BY j.id DESC LIMIT 1) AS step
                FROM orders o
                WHERE o.status = 'IN_PROGRESS'
                  AND (o.lease_until IS NULL OR o.lease_until < :now)
                  AND NOT EXISTS (SELECT 1 FROM order_journal j WHERE j.order_id = o.id AND j.recorded_at >= :before)""")
                .param("now", Timestamp.from(Instant.now()))
                .param("before", Timestamp.from(before))
                .query((rs, row) -> new Stalled(rs.getString("id"), rs.getString("step")))
                .list();
        for (Stalled order : stalled) {
            log.warn("Order {} stalled after {}: no progress for {}", order.id(), order.lastStep(), stallAfter);
            failures.flag(order.id(), order.lastStep(), FlagCategory.RETRIES_EXHAUSTED, "The order stalled: nothing "
                    + "happened to it for " + stallAfter.toMinutes() + " minutes after " + order.lastStep() + ".",
                    "stalled", 0);
        }
    }
}
