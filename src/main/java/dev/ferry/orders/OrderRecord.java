package dev.ferry.orders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/** One stored order: the payload as accepted at intake and where it stands. */
public record OrderRecord(
        String id,
        String source,
        String externalId,
        OrderStatus status,
        ObjectNode payload,
        Map<String, String> refs,
        Instant createdAt,
        Instant updatedAt) {
}
