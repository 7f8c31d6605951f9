package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ferry.sandbox.SandboxSystem;
import io.micrometer.observation.ObservationHandler;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Tracing off, as shipped (docs/operations.md#tracing): a traceparent a client sends is not carried anywhere, and
 * nothing of Micrometer Tracing or OpenTelemetry takes part in a request, so an order costs what it cost before
 * Ferry could trace (bench/RESULTS.md "Tracing").
 */
class TracingOffIT extends FerryIntegrationTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

    @Autowired
    ApplicationContext context;

    @Test
    void aClientsTraceparentGoesNoFurtherThanIntake() {
        HttpResponse<String> posted = send(HttpRequest.newBuilder(uri("/api/orders"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + INTAKE_KEY)
                .header("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                .POST(HttpRequest.BodyPublishers.ofString(TestOrders.ordinary("UNTRACED-1").toString())).build());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String id = read(posted.body()).path("orderId").asText();

        JsonNode order = awaitStatus(id, "COMPLETED");

        List<JsonNode> entries = new ArrayList<>();
        order.path("journal").forEach(entries::add);
        assertThat(entries).isNotEmpty().allSatisfy(entry -> assertThat(entry.hasNonNull("traceId"))
                .as(entry.toString()).isFalse());
        List<LoggedRequest> forTheOrder = new ArrayList<>();
        for (SandboxSystem system : SandboxSystem.values()) {
            forTheOrder.addAll(sandbox.system(system).server().findAll(WireMock.anyRequestedFor(WireMock.anyUrl()))
                    .stream().filter(request -> request.getBodyAsString().contains(id)).toList());
        }
        // the sales order, the invoice, the shipment and the CRM's status update
        assertThat(forTheOrder).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(request -> assertThat(request.getHeader("traceparent")).as(request.getUrl()).isNull());
    }

    @Test
    void noTracerAndNoTracingHandlerTakePartInARequest() {
        assertThat(context.getBeanNamesForType(io.micrometer.tracing.Tracer.class)).isEmpty();
        assertThat(context.getBeansOfType(ObservationHandler.class).values())
                .isNotEmpty()
                .noneMatch(handler -> handler.getClass().getName().startsWith("io.micrometer.tracing."));
        // Prometheus's exemplar sampler asks the tracer for the current span on every timer it records
        assertThat(context.getBeanNamesForType(io.prometheus.metrics.tracer.common.SpanContext.class)).isEmpty();
    }
}
