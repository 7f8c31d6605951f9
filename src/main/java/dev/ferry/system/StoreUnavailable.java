package dev.ferry.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jms.JmsException;

/**
 * The answer while the store cannot take writes: 503 problem+json of type store-unavailable with a Retry-After,
 * so a client sends the same order again later (with its Idempotency-Key) instead of taking it for refused.
 */
final class StoreUnavailable {

    static final String SLUG = "store-unavailable";

    /**
     * H2's codes for a database that cannot be used as it is: closed (90098, 90121), read-only (90097), I/O
     * errors of its file (90028, 90031) and its trace file (90034), a file in use or broken (90020, 90030).
     */
    private static final Set<Integer> H2_STORE_CODES = Set.of(90098, 90121, 90097, 90028, 90031, 90034, 90020, 90030);

    private StoreUnavailable() {
    }

    /** Thrown before a request touches the store, while it is known to be down; answered by ProblemHandler. */
    static final class Down extends RuntimeException {
        Down(String why) {
            super(why, null, false, false);
        }
    }

    static ResponseEntity<ProblemDetail> response(String why, Duration retryAfter) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, SLUG, "Store unavailable",
                "Ferry cannot store orders right now" + (why == null ? "" : ": " + why)
                        + ". Nothing was accepted; send the order again after Retry-After seconds.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, retryAfter.toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Whether this failure is the store's (database or broker), not the request's or a bug. */
    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof JmsException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException
                    || t.getClass().getName().equals("org.h2.mvstore.MVStoreException")) {
                return true;
            }
            if (t instanceof SQLException sql && H2_STORE_CODES.contains(sql.getErrorCode())) {
                return true;
            }
        }
        return false;
    }
}
