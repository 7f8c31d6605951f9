package dev.ferry.inbox;

import dev.ferry.orders.Violation;
import dev.ferry.system.Problems;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The inbox's own problems; ahead of the catch-all handler, which would otherwise answer them with 500. */
@RestControllerAdvice(assignableTypes = InboxController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class InboxProblems {

    static class NotFound extends RuntimeException {
        NotFound(String id) {
            super("There is no exception with id " + id + ".");
        }
    }

    /** The exception is not OPEN any more (or its order is not waiting): someone acted on it first. */
    static class NotOpen extends RuntimeException {
        NotOpen(String message) {
            super(message);
        }
    }

    /** A notice has no order to correct or replay; it is resolved or discarded. */
    static class NotAnOrder extends NotOpen {
        NotAnOrder(String id, String title, String done) {
            super("Exception " + id + " (" + title + ") is not about an order, so there is nothing to be " + done
                    + "; resolve it with a note once it is seen to, or discard it.");
        }
    }

    /** Only a notice is resolved by hand; an order's exception is resolved by replaying the order. */
    static class NotANotice extends NotOpen {
        NotANotice(String id) {
            super("Exception " + id + " is about an order; replay the order (or discard it) to close it.");
        }
    }

    static class InvalidRequest extends RuntimeException {
        private final List<Violation> violations;

        InvalidRequest(String message, List<Violation> violations) {
            super(message);
            this.violations = List.copyOf(violations);
        }
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "exception-not-found", "Exception not found", e.getMessage());
    }

    @ExceptionHandler(NotOpen.class)
    ProblemDetail notOpen(NotOpen e) {
        return Problems.of(HttpStatus.CONFLICT, "exception-not-open", "Exception not open", e.getMessage());
    }

    @ExceptionHandler(NotAnOrder.class)
    ProblemDetail notAnOrder(NotAnOrder e) {
        return Problems.of(HttpStatus.CONFLICT, "exception-not-an-order", "Exception not about an order", e.getMessage());
    }

    @ExceptionHandler(NotANotice.class)
    ProblemDetail notANotice(NotANotice e) {
        return Problems.of(HttpStatus.CONFLICT, "exception-is-an-order", "Exception about an order", e.getMessage());
    }

    @ExceptionHandler(Claim.Held.class)
    ProblemDetail claimed(Claim.Held e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "exception-claimed", "Someone else is working on it",
                e.getMessage());
        problem.setProperty("claim", e.claim());
        return problem;
    }

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
        problem.setProperty("errors", e.violations);
        return problem;
    }
}
