package dev.ferry.inbox;

import dev.ferry.routing.FlagCategory;
import java.time.Instant;

/** One row of the exceptions table. */
record InboxItem(String id, String orderId, ExceptionStatus status, FlagCategory category, String step,
        String reason, String detail, int attempts, Instant createdAt, Instant updatedAt) {
}
