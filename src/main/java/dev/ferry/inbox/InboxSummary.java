package dev.ferry.inbox;

import java.time.Instant;

/**
 * An exception as the inbox list shows it, with what identifies its order (a notice: its title) to a person, the
 * order's status now ({@code orderStatus}: did a replayed order complete?) and who works on it.
 */
record InboxSummary(String id, String orderId, String subject, String title, ExceptionStatus status,
        FlagCategory category, String step, String reason, int attempts, String externalId, String source, String customerName, Instant createdAt, Instant updatedAt,
        String orderStatus, Claim claim) {

    /** The same with the claim as it stands at {@code now}: a claim that ran out is nobody's. */
    InboxSummary at(Instant now) {
        Claim current = Claim.current(claim, now);
        return current == claim ? this : new InboxSummary(id, orderId, subject, title, status, category, step, reason,
                attempts, externalId, source, customerName, createdAt, updatedAt, orderStatus, current);
    }
}
