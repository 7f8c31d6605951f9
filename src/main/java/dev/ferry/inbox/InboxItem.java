package dev.ferry.inbox;

import java.time.Instant;

/**
 * One row of the exceptions table: about an order ({@code orderId}) or a {@link Notice} ({@code subject}); {@code claim}
 * is who works on it, null if nobody ever did (it may have run out: see {@link Claim#active}).
 */
record InboxItem(String id, String orderId, String subject, String title, String relatedOrderId,
        ExceptionStatus status, FlagCategory category, String step, String reason, String detail, int attempts, Instant createdAt, Instant updatedAt,
        Claim claim) {

    boolean isNotice() {
        return orderId == null;
    }
}
