package dev.ferry.inbox;


/**
 * Something that needs a person but is not one order's failure: a schedule that paused itself, a
 * reconciliation mismatch. {@code subject} identifies it across runs (e.g. {@code schedule:tracking-sync},
 * {@code reconciliation:2026-11-28:SO-000123}), so raising it again updates the open item instead of adding
 * one. {@code title} names it in the inbox list; {@code relatedOrderId} (may be null) links a Ferry order.
 */
public record Notice(String subject, FlagCategory category, String step, String title, String reason,
        String detail, String relatedOrderId) {
}
