package dev.ferry.system;

import dev.ferry.orders.IdempotencyKeyReusedException;
import dev.ferry.orders.InvalidOrderException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error leaves as RFC 9457 problem+json; the type names the problem, the detail says what to do. A
 * person's browser asking for a page (not under /api/, accepting HTML) gets the error page instead: the error is
 * handed to the servlet container, whose /error renders templates/error.html for the status.
 */
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
    ResponseEntity<ProblemDetail> unexpected(Exception e, WebRequest request) {
        if (StoreUnavailable.causedBy(e)) {
            // the store failed under this request: one line, and a check at once so the next requests get 503 early
            log.warn("Request failed, the store did not take it: {}", StoreMonitor.firstLine(e));
            store.checkSoon();
            return StoreUnavailable.response(null, retryAfter);
        }
        log.error("Request failed", e);
        if (forPerson(request)) {
            return errorPage(request, HttpStatus.INTERNAL_SERVER_ERROR);
        }
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                        "Ferry could not complete the request; the error is in its log."));
    }

    // Spring's own exceptions (404 for an unknown address, 405 for a form's address reloaded ...) as a page for people
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (forPerson(request)) {
            return errorPage(request, statusCode);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /** A page, not the API: outside /api/ and from a browser, which asks for HTML. */
    static boolean forPerson(WebRequest request) {
        if (!(request instanceof ServletWebRequest servlet)) {
            return false;
        }
        String path = servlet.getRequest().getRequestURI().substring(servlet.getRequest().getContextPath().length());
        String accept = servlet.getHeader(HttpHeaders.ACCEPT);
        return !path.startsWith("/api/") && !path.startsWith("/actuator/") && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    // null: the response is left to the container, which forwards to /error (Spring Boot's, with error.html)
    private static <T> ResponseEntity<T> errorPage(WebRequest request, HttpStatusCode status) {
        HttpServletResponse response = ((ServletWebRequest) request).getResponse();
        try {
            if (response != null && !response.isCommitted()) {
                response.sendError(status.value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
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
