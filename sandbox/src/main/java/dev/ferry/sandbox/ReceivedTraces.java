package dev.ferry.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The W3C trace context a simulated system received, logged as a real system's access log would, so an order's
 * trace id found in Ferry can be followed into each system's log (docs/sandbox.md#traces). Silent for a request
 * without one: with tracing off in Ferry (its default) nothing is logged.
 */
public final class ReceivedTraces {

    private static final Logger log = LoggerFactory.getLogger(ReceivedTraces.class);

    private ReceivedTraces() {
    }

    /** Logs the request's trace id and returns it; null when the request carried no usable traceparent. */
    public static String received(String system, String method, String path, String traceparent) {
        String traceId = traceId(traceparent);
        if (traceId != null) {
            log.info("{} received {} {} in trace {}", system, method, path, traceId);
        }
        return traceId;
    }

    /** The trace id of a traceparent header ({@code 00-<trace id>-<span id>-<flags>}), or null. */
    public static String traceId(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.strip().split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }
}
