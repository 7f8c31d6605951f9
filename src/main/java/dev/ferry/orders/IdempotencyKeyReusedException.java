package dev.ferry.orders;

/** The client sent a different order under an Idempotency-Key it had used before. */
public class IdempotencyKeyReusedException extends RuntimeException {

    private final String orderId;

    IdempotencyKeyReusedException(String key, String orderId) {
        super("The Idempotency-Key '" + key + "' was already used for order " + orderId
                + " with a different body; use a new key for a new order.");
        this.orderId = orderId;
    }

    public String orderId() {
        return orderId;
    }
}
