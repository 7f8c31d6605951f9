package dev.ferry.orders;

import java.util.List;

/** The input is not an order Ferry can accept; every violation is listed. */
public class InvalidOrderException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidOrderException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
