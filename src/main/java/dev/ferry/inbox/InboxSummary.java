package dev.ferry.inbox;

import java.time.Instant;

/** An exception as the inbox list shows it, with what identifies its order (a notice: its title) to a person. */
record InboxSummary(String id, String orderId, String subject, String title, ExceptionStatus status,
        FlagCategory category, String step, String reason, int attempts, String externalId, String source, String customerName, Instant createdAt, Instant updatedAt) {
}
