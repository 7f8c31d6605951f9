package dev.ferry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ferry.sandbox.ReceivedTraces;
import dev.ferry.sandbox.SandboxSystem;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * One trace per order (docs/operations.md#tracing): with tracing on, the traceparent a client sends with an order
 * follows it through intake, the queue (retries through the broker included), every step, every call to a system,
 * the freight bot's run and a reviewer's replay. The spans land in an in-memory exporter in place of a collector.
 */
@TestPropertySource(properties = {
        "management.tracing.enabled=true",
        // every retry goes through the broker, so the trace has to survive the queue each time
        "ferry.fulfilment.local-retry-max=0"
})
@Import(TracingIT.Spans.class)
// Spring Boot's tests turn tracing off unless asked
@AutoConfigureObservability(metrics = false)
class TracingIT extends BrowserIntegrationTest {

    @TestConfiguration
    static class Spans {
        @Bean
        InMemorySpanExporter spanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Autowired
    InMemorySpanExporter spans;

    @Value("${logging.pattern.correlation}")
    String correlationPattern;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void captureLogs() {
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stopCapturing() {
        root().detachAppender(logs);
    }

    @Test
    void anOrderThatFailsTwiceIsOneTraceFromItsRequestThroughTheQueueToEverySystemAndItsLogLines() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = postTraced(TestOrders.forCustomer("TRACE-FLAKY", "C-FLAKY"), traceId);

        JsonNode order = awaitStatus(id, "COMPLETED");

        // the ERP answered 503 twice: the order went through the broker three times
        assertThat(journal(order, "create-sales-order")).extracting(e -> e.path("outcome").asText())
                .containsExactly("RETRY", "RETRY", "OK");
        assertEveryEntryIn(order, traceId);

        // each of the five calls of the order, every attempt, carried the trace to the system
        Map<String, List<String>> received = new java.util.TreeMap<>();
        received.put("CRM customer lookup", traces(requests(SandboxSystem.CRM, r -> r.getUrl().endsWith("/C-FLAKY"))));
        received.put("ERP sales order", traces(requests(SandboxSystem.ERP, r -> r.getBodyAsString().contains(id))));
        received.put("invoice", traces(requests(SandboxSystem.ACCOUNTING, r -> r.getBodyAsString().contains(id))));
        received.put("shipment", traces(requests(SandboxSystem.SHIPPING, r -> r.getBodyAsString().contains(id))));
        received.put("CRM status update", traces(requests(SandboxSystem.CRM, r -> r.getBodyAsString().contains(id))));
        assertThat(received.get("ERP sales order")).hasSize(3);
        assertThat(received).allSatisfy((call, ids) -> assertThat(ids).as(call).isNotEmpty().containsOnly(traceId));

        // Ferry's log lines about the order (the two retries among them) each carry the trace id
        List<ILoggingEvent> lines = linesAbout(id);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(line -> assertThat(correlation(line)).as(line.getFormattedMessage())
                        .isEqualTo("[" + traceId + "] "));

        // the spans nest: intake → queue → the route that takes the order → the step → the HTTP call
        List<SpanData> trace = awaitSpans(traceId, s -> s.getKind() == SpanKind.CLIENT
                && s.getAttributes().asMap().toString().contains("http.status_code=201")
                && s.getAttributes().asMap().toString().contains("erpHttpClient"));
        SpanData call = only(trace, s -> s.getKind() == SpanKind.CLIENT
                && attribute(s, "camel.uri").contains("erpHttpClient") && attribute(s, "http.status_code").equals("201"));
        assertThat(ancestors(call, trace)).extracting(TracingIT::label).containsSubsequence(
                "kamelet:erp-create-sales-order-action",
                "jms://queue:ferry.orders",
                "queue order",
                "http post /api/orders");
        // three deliveries of the order, each continuing the trace
        assertThat(trace).filteredOn(s -> s.getKind() == SpanKind.CONSUMER).hasSize(3);
    }

    @Test
    void aFreightOrdersBotRunIsInTheOrdersTraceAndItsBrowserSendsItToThePortal() {
        Chromium.executable();
        sandbox.portal().hazards().calm();
        String traceId = "5a2b3c4d5e6f708192a3b4c5d6e7f809";
        String id = postTraced(TestOrders.withService("TRACE-FREIGHT", "freight"), traceId);

        JsonNode order = awaitStatus(id, "COMPLETED");

        assertEveryEntryIn(order, traceId);
        String runId = journal(order, "book-freight").get(0).path("refs").path("botRunId").asText();
        JsonNode run = read(send(HttpRequest.newBuilder(uri("/api/bots/runs/" + runId))
                .header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).GET().build()).body());
        assertThat(run.path("traceId").asText()).as(run.toString()).isEqualTo(traceId);
        assertThat(sandbox.portal().activity().traceIds()).contains(traceId);
        assertThat(linesAbout(runId)).isNotEmpty().allSatisfy(line -> assertThat(correlation(line))
                .as(line.getFormattedMessage()).isEqualTo("[" + traceId + "] "));

        List<SpanData> trace = awaitSpans(traceId, s -> attribute(s, "camel.uri").startsWith("rpa"));
        SpanData bot = only(trace, s -> s.getKind() == SpanKind.CLIENT && attribute(s, "camel.uri").startsWith("rpa"));
        // the bot step runs off the bot queue: the order was handed there, in the same trace
        assertThat(ancestors(bot, trace)).extracting(TracingIT::label).containsSubsequence(
                "jms://queue:ferry.orders.bots",
                "queue order",
                "jms://queue:ferry.orders",
                "queue order",
                "http post /api/orders");
    }

    @Test
    void aReviewersReplayContinuesTheOrdersTraceLinkedToTheReviewersRequest() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String reviewTrace = "1bf7651916cd43dd8448eb211c80319d";
        String id = postTraced(TestOrders.withPostalCode("TRACE-ZIP", "00000"), traceId);
        JsonNode flagged = awaitStatus(id, "FLAGGED");
        String exceptionId = flagged.path("exceptionId").asText();

        ObjectNode corrected = TestOrders.withPostalCode("TRACE-ZIP", "1100-048");
        assertThat(review("PUT", "/api/exceptions/" + exceptionId + "/payload", corrected.toString(), reviewTrace)
                .statusCode()).isEqualTo(200);
        assertThat(review("POST", "/api/exceptions/" + exceptionId + "/replay", "", reviewTrace).statusCode())
                .isEqualTo(202);
        JsonNode order = awaitStatus(id, "COMPLETED");

        // the reviewer's edit and replay are in the order's journal under the order's trace, not the request's
        assertThat(journal(order, "replay")).isNotEmpty();
        assertEveryEntryIn(order, traceId);
        JsonNode detail = read(review("GET", "/api/exceptions/" + exceptionId, null, reviewTrace).body());
        assertThat(detail.path("order").path("traceId").asText()).isEqualTo(traceId);
        // and on the item's page, for the reviewer to hand to IT support
        page.navigate("/login");
        page.getByLabel("Username").fill("reviewer");
        page.getByLabel("Password").fill("reviewer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.navigate("/inbox/" + exceptionId);
        page.getByText("Technical detail for IT support").click();
        assertThat(page.locator("code.trace-id")).hasText(traceId);
        assertThat(traces(requests(SandboxSystem.SHIPPING, r -> r.getBodyAsString().contains(id))))
                .hasSize(2).containsOnly(traceId);

        List<SpanData> trace = awaitSpans(traceId, s -> s.getName().equals("queue order") && !s.getLinks().isEmpty());
        SpanData replayed = only(trace, s -> s.getName().equals("queue order") && !s.getLinks().isEmpty());
        assertThat(replayed.getLinks()).extracting(link -> link.getSpanContext().getTraceId()).containsExactly(reviewTrace);
        assertThat(ancestors(replayed, trace)).extracting(TracingIT::label).containsExactly("http post /api/orders");
    }

    private String postTraced(ObjectNode order, String traceId) {
        HttpResponse<String> posted = send(HttpRequest.newBuilder(uri("/api/orders"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + INTAKE_KEY)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.ofString(order.toString())).build());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        return read(posted.body()).path("orderId").asText();
    }

    private HttpResponse<String> review(String method, String path, String body, String traceId) {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + InboxApiIT.OPS_KEY)
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01");
        if (body == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return send(request.build());
    }

    private static void assertEveryEntryIn(JsonNode order, String traceId) {
        List<JsonNode> entries = new ArrayList<>();
        order.path("journal").forEach(entries::add);
        assertThat(entries).isNotEmpty().allSatisfy(entry -> assertThat(entry.path("traceId").asText())
                .as(entry.toString()).isEqualTo(traceId));
    }

    private List<LoggedRequest> requests(SandboxSystem system, Predicate<LoggedRequest> which) {
        return sandbox.system(system).server().findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())).stream().filter(which).toList();
    }

    private static List<String> traces(List<LoggedRequest> requests) {
        return requests.stream().map(r -> String.valueOf(ReceivedTraces.traceId(r.getHeader("traceparent")))).toList();
    }

    private List<ILoggingEvent> linesAbout(String text) {
        // the appender adds under its own lock (AppenderBase.doAppend), from Ferry's threads
        synchronized (logs) {
            return logs.list.stream().filter(e -> e.getFormattedMessage().contains(text)).toList();
        }
    }

    /** The line's trace as Ferry's log pattern prints it. */
    private String correlation(ILoggingEvent line) {
        PatternLayout layout = new PatternLayout();
        layout.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        layout.setPattern(correlationPattern);
        layout.start();
        return layout.doLayout(line);
    }

    private List<SpanData> awaitSpans(String traceId, Predicate<SpanData> last) {
        // spans are exported in batches, a few seconds after they end
        await().atMost(Duration.ofSeconds(60)).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(s -> s.getTraceId().equals(traceId) && last.test(s)));
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static SpanData only(List<SpanData> spans, Predicate<SpanData> which) {
        List<SpanData> found = spans.stream().filter(which).toList();
        assertThat(found).as(tree(spans)).hasSize(1);
        return found.get(0);
    }

    /** From the span's parent up to the trace's root. */
    private static List<SpanData> ancestors(SpanData span, List<SpanData> trace) {
        Map<String, SpanData> byId = trace.stream().collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
        List<SpanData> up = new ArrayList<>();
        Optional<SpanData> parent = Optional.ofNullable(byId.get(span.getParentSpanId()));
        while (parent.isPresent()) {
            up.add(parent.get());
            parent = Optional.ofNullable(byId.get(parent.get().getParentSpanId()));
        }
        return up;
    }

    /** A span by what it is: the Camel endpoint it sent to or consumed from (without options), else its name. */
    private static String label(SpanData span) {
        String uri = attribute(span, "camel.uri");
        return uri.isEmpty() ? span.getName() : uri.replaceFirst("\\?.*", "");
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().asMap().entrySet().stream().filter(e -> e.getKey().getKey().equals(key))
                .map(e -> String.valueOf(e.getValue())).findFirst().orElse("");
    }

    private static String tree(List<SpanData> spans) {
        return spans.stream().map(s -> s.getSpanId() + " <- " + s.getParentSpanId() + " " + s.getKind() + " " + label(s))
                .collect(Collectors.joining("\n"));
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
