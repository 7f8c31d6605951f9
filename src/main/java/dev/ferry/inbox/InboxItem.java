package dev.ferry.inbox;

import java.time.Instant;

/** One row of the exceptions table: about an order ({@code orderId}) or a {@link Notice} ({@code subject}). */
record InboxItem(String id, String orderId, String subject, String title, String relatedOrderId,
        ExceptionStatus status, FlagCategory category, String step, String reason, String detail, int attempts, Instant createdAt, Instant updatedAt) {

    boolean isNotice() {
        return orderId == null;
    }
}
