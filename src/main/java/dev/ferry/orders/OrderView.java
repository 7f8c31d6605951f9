package dev.ferry.orders;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An order as GET /api/orders shows it. */
public record OrderView(
        String orderId,
        OrderStatus status,
        String externalId,
        String source,
        Instant createdAt,
        Instant updatedAt,
        Map<String, String> refs,
        List<JournalEntry> journal,
        String exceptionId) {

    static OrderView of(OrderRecord order, List<JournalEntry> journal, String exceptionId) {
        return new OrderView(order.id(), order.status(), order.externalId(), order.source(), order.createdAt(),
                order.updatedAt(), order.refs(), journal, exceptionId);
    }
}
