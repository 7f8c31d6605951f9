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

    @ExceptionHandler(InvalidRequest.class)
    ProblemDetail invalid(InvalidRequest e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
        problem.setProperty("errors", e.violations);
        return problem;
    }
}
