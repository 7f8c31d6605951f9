package dev.ferry.connectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.springframework.stereotype.Component;

/**
 * Maps what a system answered, or failed to answer, to a {@link Failure}: the one place that knows
 * which HTTP replies are worth retrying and where a system puts its own error message.
 */
@Component("connectorFailures")
public class ConnectorFailures {

    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(408, 425, 429, 500, 502, 503, 504);
    private static final List<String> MESSAGE_FIELDS = List.of("message", "detail", "error_description", "title", "error");
    private static final int MAX_BODY_IN_DETAIL = 500;

    private final Connectors connectors;
    private final ObjectMapper json;

    ConnectorFailures(Connectors connectors, ObjectMapper json) {
        this.connectors = connectors;
        this.json = json;
    }

    /** For onException's onWhen: true when the exception on the exchange is worth a retry. */
    public boolean isTransient(Exchange exchange) {
        // while onWhen is evaluated the exception is still on the exchange; later it is EXCEPTION_CAUGHT
        Throwable cause = exchange.getException() != null ? exchange.getException()
                : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return cause != null && describe(cause, exchange.getProperty(Connectors.SYSTEM, String.class)).transientFailure();
    }

    public Failure describe(Throwable cause, String system) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof DescribedFailure described) {
                return described.failure();
            }
        }
        String who = system == null ? "the system" : connectors.connector(system).label(system);
        HttpOperationFailedException http = find(cause, HttpOperationFailedException.class);
        if (http != null) {
            return fromReply(who, http);
        }
        if (find(cause, SocketTimeoutException.class) != null || find(cause, InterruptedIOException.class) != null) {
            return new Failure(true, capitalise(who) + " did not answer in time.", technical(cause));
        }
        if (find(cause, ConnectException.class) != null) {
            return new Failure(true, capitalise(who) + " could not be reached (connection refused).", technical(cause));
        }
        JacksonException unreadable = find(cause, JacksonException.class);
        if (unreadable != null) {
            // retrying will not make a reply readable
            return new Failure(false, capitalise(who) + " answered with a reply Ferry could not read.", technical(cause));
        }
        IOException io = find(cause, IOException.class);
        if (io != null) {
            return new Failure(true, "The connection to " + who + " broke off before it answered.", technical(cause));
        }
        return new Failure(false, "An unexpected error stopped this step; the technical detail is in Ferry's log.",
                technical(cause));
    }

    private Failure fromReply(String who, HttpOperationFailedException http) {
        int status = http.getStatusCode();
        String own = systemMessage(http.getResponseBody());
        String said = own == null ? "" : ": " + own;
        String detail = "HTTP " + status + " from " + http.getUri() + bodyExcerpt(http.getResponseBody());
        if (TRANSIENT_STATUSES.contains(status)) {
            String what = status == 429 ? " is busy and asked Ferry to slow down (HTTP 429)"
                    : status == 408 || status == 504 ? " timed out (HTTP " + status + ")"
                    : " is unavailable (HTTP " + status + ")";
            return new Failure(true, capitalise(who) + what + said, detail, retryAfter(http));
        }
        if (status == 401 || status == 403) {
            return new Failure(false, capitalise(who) + " refused Ferry's credentials (HTTP " + status + ")" + said
                    + " — an administrator must fix the connector configuration.", detail);
        }
        return new Failure(false, capitalise(who) + " rejected the request (HTTP " + status + ")" + said, detail);
    }

    /** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
    static Duration retryAfter(HttpOperationFailedException http) {
        Map<String, String> headers = http.getResponseHeaders();
        String value = headers == null ? null : headers.entrySet().stream()
                .filter(h -> "Retry-After".equalsIgnoreCase(h.getKey()))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(Instant.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    /** Systems put their own explanation in different fields; people should read that, not a status code. */
    private String systemMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode reply = json.readTree(body);
            for (String field : MESSAGE_FIELDS) {
                JsonNode value = reply.path(field);
                if (value.isTextual() && !value.asText().isBlank()) {
                    return value.asText().trim();
                }
            }
        } catch (IOException notJson) {
            // a plain-text reply is the message, if it is short enough to be one
            return body.length() <= 200 && !body.contains("<") ? body.trim() : null;
        }
        return null;
    }

    private static String bodyExcerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        return ": " + (body.length() > MAX_BODY_IN_DETAIL ? body.substring(0, MAX_BODY_IN_DETAIL) + "…" : body);
    }

    private static String technical(Throwable cause) {
        return cause.getClass().getName() + ": " + cause.getMessage();
    }

    private static <T extends Throwable> T find(Throwable cause, Class<T> type) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
