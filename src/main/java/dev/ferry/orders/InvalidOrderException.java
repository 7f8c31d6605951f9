package dev.ferry.orders;

import java.util.List;

/** The input is not an order Ferry can accept; the violations are listed (the first {@value Violations#LISTED}). */
public class InvalidOrderException extends RuntimeException {

    private final Violations violations;

    public InvalidOrderException(String message, List<Violation> violations) {
        this(message, Violations.of(violations));
    }

    /** The message says so when not every violation is listed. */
    public InvalidOrderException(String message, Violations violations) {
        super(violations.count() > violations.listed().size() ? message + " Only the first "
                + violations.listed().size() + " of the " + violations.count() + " violations are listed." : message);
        this.violations = violations;
    }

    /** The first {@value Violations#LISTED} violations, in pointer order. */
    public List<Violation> violations() {
        return violations.listed();
    }

    /** How many violations there are in all, listed or not. */
    public int count() {
        return violations.count();
    }
}
