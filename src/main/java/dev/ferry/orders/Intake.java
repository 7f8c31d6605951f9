package dev.ferry.orders;

/** What intake did with an order: a new order, or the one accepted before under the same key. */
public record Intake(String orderId, OrderStatus status, boolean created) {
}
