package dev.ferry.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.env.MockEnvironment;

class ConnectorFailuresTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConnectorFailures failures = new ConnectorFailures(new Connectors(new MockEnvironment()
            .withProperty("ferry.connectors.erp.base-url", "http://localhost:9102")
            .withProperty("ferry.connectors.shipping.base-url", "http://localhost:9104")
            .withProperty("ferry.connectors.shipping.display-name", "the carrier portal")), JSON);

    static HttpOperationFailedException reply(int status, String body) {
        return new HttpOperationFailedException("http://localhost:9102/api/sales-orders", status, "Status " + status,
                null, Map.of(), body);
    }

    static JsonProcessingException unreadableJson() {
        try {
            JSON.readTree("{\"id\": SO-1}");
            throw new AssertionError("the JSON should not parse");
        } catch (JsonProcessingException e) {
            return e;
        }
    }

    @Test
    void aRetryAfterInSecondsIsKept() {
        var reply = new HttpOperationFailedException("http://localhost:9103/api/invoices", 429, "Too Many Requests",
                null, Map.of("Retry-After", "2"), "{\"message\":\"Slow down\"}");

        assertThat(failures.describe(reply, "erp").retryAfter()).isEqualTo(java.time.Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterAsAnHttpDateBecomesTheTimeUntilThen() {
        String inAMinute = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(60));
        var reply = new HttpOperationFailedException("http://localhost:9103/api/invoices", 503, "Unavailable",
                null, Map.of("retry-after", inAMinute), null);

        assertThat(failures.describe(reply, "erp").retryAfter())
                .isBetween(java.time.Duration.ofSeconds(55), java.time.Duration.ofSeconds(60));
    }

    @Test
    void aRetryAfterThatIsNeitherIsIgnored() {
        var reply = new HttpOperationFailedException("http://localhost:9103/api/invoices", 503, "Unavailable",
                null, Map.of("Retry-After", "soon"), null);

        assertThat(failures.describe(reply, "erp").retryAfter()).isNull();
    }

    @Test
    void aServiceUnavailableReplyIsTransientAndQuotesTheSystem() {
        Failure failure = failures.describe(reply(503, "{\"message\":\"Maintenance until 02:00\"}"), "erp");

        assertThat(failure.transientFailure()).isTrue();
        assertThat(failure.reason()).isEqualTo("The ERP is unavailable (HTTP 503): Maintenance until 02:00");
    }

    @Test
    void tooManyRequestsIsTransient() {
        Failure failure = failures.describe(reply(429, null), "erp");

        assertThat(failure.transientFailure()).isTrue();
        assertThat(failure.reason()).isEqualTo("The ERP is busy and asked Ferry to slow down (HTTP 429)");
    }

    @Test
    void aRequestTimeoutReplyIsTransient() {
        Failure failure = failures.describe(reply(408, ""), "erp");

        assertThat(failure.transientFailure()).isTrue();
        assertThat(failure.reason()).isEqualTo("The ERP timed out (HTTP 408)");
    }

    @Test
    void anUnprocessableReplyIsPermanentAndQuotesTheSystem() {
        Failure failure = failures.describe(
                reply(422, "{\"error\":\"rejected\",\"message\":\"Item DISCONTINUED-LAMP is discontinued\"}"), "erp");

        assertThat(failure.transientFailure()).isFalse();
        assertThat(failure.reason())
                .isEqualTo("The ERP rejected the request (HTTP 422): Item DISCONTINUED-LAMP is discontinued");
    }

    @Test
    void notFoundIsPermanent() {
        Failure failure = failures.describe(reply(404, "{\"detail\":\"No customer C-404\"}"), "erp");

        assertThat(failure.transientFailure()).isFalse();
        assertThat(failure.reason()).isEqualTo("The ERP rejected the request (HTTP 404): No customer C-404");
    }

    @Test
    void refusedCredentialsArePermanentAndNeedAnAdministrator() {
        Failure failure = failures.describe(reply(401, "{\"error\":\"unauthorized\"}"), "erp");

        assertThat(failure.transientFailure()).isFalse();
        assertThat(failure.reason()).startsWith("The ERP refused Ferry's credentials (HTTP 401): unauthorized")
                .contains("an administrator must fix the connector configuration");
    }

    @Test
    void theSystemsMessageIsReadFromTheFirstKnownFieldInOrder() {
        Failure failure = failures.describe(reply(422,
                "{\"title\":\"Unprocessable\",\"detail\":\"Quantity exceeds stock\",\"error\":\"invalid\"}"), "erp");

        assertThat(failure.reason()).endsWith(": Quantity exceeds stock");
    }

    @Test
    void theSystemsMessageIsReadFromAnOAuthErrorDescription() {
        Failure failure = failures.describe(reply(400,
                "{\"error\":\"invalid_request\",\"error_description\":\"The reference is too long\"}"), "erp");

        assertThat(failure.reason()).endsWith(": The reference is too long");
    }

    @Test
    void aShortPlainTextReplyIsTheSystemsMessage() {
        Failure failure = failures.describe(reply(502, "Upstream warehouse offline\n"), "erp");

        assertThat(failure.reason()).isEqualTo("The ERP is unavailable (HTTP 502): Upstream warehouse offline");
    }

    @Test
    void anHtmlErrorPageIsNotQuoted() {
        Failure failure = failures.describe(reply(500, "<html><body><h1>Internal Server Error</h1></body></html>"), "erp");

        assertThat(failure.reason()).isEqualTo("The ERP is unavailable (HTTP 500)");
        assertThat(failure.detail()).contains("HTTP 500 from http://localhost:9102/api/sales-orders", "<h1>");
    }

    @Test
    void theConfiguredDisplayNameNamesTheSystem() {
        Failure failure = failures.describe(reply(503, null), "shipping");

        assertThat(failure.reason()).isEqualTo("The carrier portal is unavailable (HTTP 503)");
    }

    @Test
    void aRefusedConnectionIsTransient() {
        Failure failure = failures.describe(new ConnectException("Connection refused"), "erp");

        assertThat(failure.transientFailure()).isTrue();
        assertThat(failure.reason()).isEqualTo("The ERP could not be reached (connection refused).");
    }

    @Test
    void aReadTimeoutIsTransient() {
        Failure failure = failures.describe(new SocketTimeoutException("Read timed out"), "erp");

        assertThat(failure.transientFailure()).isTrue();
        assertThat(failure.reason()).isEqualTo("The ERP did not answer in time.");
    }

    @Test
    void aNetworkFailureIsFoundInsideAWrappingException() {
        Failure failure = failures.describe(new RuntimeCamelException(new ConnectException("Connection refused")), "erp");

        assertThat(failure.transientFailure()).isTrue();
        assertThat(failure.reason()).isEqualTo("The ERP could not be reached (connection refused).");
    }

    @Test
    void aReplyFerryCannotReadIsNotTransient() {
        Failure failure = failures.describe(unreadableJson(), "erp");

        assertThat(failure.transientFailure()).isFalse();
    }

    @Test
    void withoutASystemTheFailureNamesTheSystemGenerically() {
        Failure failure = failures.describe(new ConnectException("Connection refused"), null);

        assertThat(failure.reason()).isEqualTo("The system could not be reached (connection refused).");
    }

    @Test
    void theTechnicalDetailKeepsTheExceptionForTheLog() {
        Failure failure = failures.describe(new ConnectException("Connection refused"), "erp");

        assertThat(failure.detail()).isEqualTo("java.net.ConnectException: Connection refused");
    }

    static Stream<Named<Throwable>> causes() {
        return Stream.of(
                Named.of("HTTP 503 with a JSON body", reply(503, "{\"message\":\"Down\",\"trace\":\"at x.Y.z(Y.java:1)\"}")),
                Named.of("HTTP 422 with an HTML body", reply(422, "<html>java.lang.IllegalStateException</html>")),
                Named.of("connection refused", new ConnectException("Connection refused")),
                Named.of("read timeout", new SocketTimeoutException("Read timed out")),
                Named.of("wrapped read timeout", new RuntimeCamelException(new SocketTimeoutException("Read timed out"))),
                Named.of("unreadable JSON", unreadableJson()),
                Named.of("unreadable JSON wrapped by Camel", new RuntimeCamelException(unreadableJson())),
                Named.of("wrapped unexpected error", new RuntimeException(new IllegalStateException("boom"))),
                Named.of("unexpected error without a message", new IllegalStateException()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("causes")
    void theReasonNeverShowsAStackTraceOrAnExceptionClass(Throwable cause) {
        String reason = failures.describe(cause, "erp").reason();

        assertThat(reason).doesNotContain("Exception", "\tat ", "java.", "com.fasterxml", "\n",
                cause.getClass().getSimpleName());
    }

    @Test
    void aFailureThatDescribesItselfIsTakenAtItsWordEvenWhenWrapped() {
        Failure own = new Failure(true, "The portal is busy.", "bot book-freight PORTAL_BUSY");
        class Described extends RuntimeException implements DescribedFailure {
            @Override
            public Failure failure() {
                return own;
            }
        }

        assertThat(failures.describe(new RuntimeCamelException(new Described()), "erp")).isEqualTo(own);
    }
}
