package dev.ferry.system;

import dev.ferry.orders.IdempotencyKeyReusedException;
import dev.ferry.orders.InvalidOrderException;
import java.net.URI;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every API error leaves as RFC 9457 problem+json; the type names the problem, the detail says what to do. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final StoreMonitor store;
    private final Duration retryAfter;

    ProblemHandler(StoreMonitor store, @Value("${ferry.store.retry-after:10s}") Duration retryAfter) {
        this.store = store;
        this.retryAfter = retryAfter;
    }

    @ExceptionHandler(InvalidOrderException.class)
    ProblemDetail invalidOrder(InvalidOrderException e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-order", "Invalid order", e.getMessage());
        problem.setProperty("errors", e.violations());
        // the list stops at the first 100; the count says how many there are in all
        problem.setProperty("errorCount", e.count());
        return problem;
    }

    @ExceptionHandler(IdempotencyKeyReusedException.class)
    ProblemDetail keyReused(IdempotencyKeyReusedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
                "Idempotency-Key reused", e.getMessage());
        problem.setProperty("orderId", e.orderId());
        return problem;
    }

    @ExceptionHandler(StoreUnavailable.Down.class)
    ResponseEntity<ProblemDetail> storeDown(StoreUnavailable.Down e) {
        return StoreUnavailable.response(e.getMessage(), retryAfter);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (StoreUnavailable.causedBy(e)) {
            // the store failed under this request: one line, and a check at once so the next requests get 503 early
            log.warn("Request failed, the store did not take it: {}", StoreMonitor.firstLine(e));
            store.checkSoon();
            return StoreUnavailable.response(null, retryAfter);
        }
        log.error("Request failed", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                        "Ferry could not complete the request; the error is in its log."));
    }

    // Spring's own exceptions (ResponseStatusException, 404, 405, 415 ...) get a type too.
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType().equals(URI.create("about:blank"))) {
            problem.setType(Problems.type(Problems.slug(status)));
        }
        return super.createResponseEntity(body, headers, status, request);
    }
}
