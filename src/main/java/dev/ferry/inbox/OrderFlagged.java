package dev.ferry.inbox;

/** Published when an order stops and waits for a person; {@code detail} is for engineers only. */
public record OrderFlagged(String orderId, String step, FlagCategory category, String reason, String detail,
        int attempts) {
}
