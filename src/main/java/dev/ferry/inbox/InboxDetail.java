package dev.ferry.inbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.orders.JournalEntry;
import dev.ferry.orders.OrderStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * GET /api/exceptions/{id}: the exception, the order's current payload, and what happened to both. A notice
 * (not about an order) has subject and title instead, and no payload or order.
 */
record InboxDetail(String id, String orderId, String subject, String title, String relatedOrderId,
        ExceptionStatus status, FlagCategory category, String step, String reason, String detail, int attempts,
        ObjectNode payload, Instant createdAt, Instant updatedAt, List<Artifact> artifacts, List<HistoryEntry> history, Order order) {

    /** A screenshot ({@code screenshot}) or page ({@code html}) a failed bot step kept; served by /api/bots. */
    record Artifact(String kind, String href) {
    }

    /**
     * {@code traceId}: the order's trace (docs/operations.md#tracing), absent when it was never traced. Named
     * InboxOrder in the API's description (docs/openapi.yaml), where "Order" is the posted order's schema.
     */
    @Schema(name = "InboxOrder")
    record Order(OrderStatus status, String externalId, String source, Map<String, String> refs,
            List<JournalEntry> journal, @Schema(description = "The order's trace id (docs/operations.md#tracing); only when the order was accepted with tracing on")
            String traceId) {
    }
}
