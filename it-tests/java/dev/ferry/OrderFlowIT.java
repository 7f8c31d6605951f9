package dev.ferry;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OrderFlowIT extends FerryIntegrationTest {

    @Test
    void fiftyOrdersCompleteWithOneRecordPerSystemEach() {
        List<String> ids = IntStream.range(0, 50)
                .mapToObj(i -> accept(TestOrders.ordinary("FLOW-" + i)))
                .toList();

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> ids.stream().allMatch(id -> "COMPLETED".equals(order(id).path("status").asText())));

        for (String id : ids) {
            assertThat(calls(sandbox.erp().server(), urlEqualTo("/api/sales-orders"), id, "create-sales-order")).isEqualTo(1);
            assertThat(calls(sandbox.accounting().server(), urlEqualTo("/api/invoices"), id, "create-invoice")).isEqualTo(1);
            assertThat(calls(sandbox.shipping().server(), urlEqualTo("/api/shipments"), id, "create-shipment")).isEqualTo(1);
            assertThat(calls(sandbox.crm().server(), urlPathMatching("/api/customers/.*/order-updates"), id,
                    "update-crm-status")).isEqualTo(1);
            JsonNode refs = order(id).path("refs");
            assertThat(refs.path("erpOrderId").asText()).startsWith("SO-");
            assertThat(refs.path("invoiceId").asText()).startsWith("INV-");
            assertThat(refs.path("shipmentId").asText()).startsWith("SHP-");
            assertThat(refs.path("trackingNumber").asText()).isNotBlank();
        }
        assertThat(sandbox.erp().salesOrderRecords().stream().filter(r -> ids.contains(r.path("reference").asText())))
                .hasSize(50);
    }

    @Test
    void journalListsEveryStepInOrderWithTheIdsThatCameBack() {
        String id = accept(TestOrders.ordinary("FLOW-JOURNAL"));

        JsonNode order = awaitStatus(id, "COMPLETED");

        assertThat(order.path("journal").findValuesAsText("step")).containsExactly("accept", "check-rules",
                "resolve-customer", "create-sales-order", "create-invoice", "create-shipment", "update-crm-status");
        assertThat(order.path("journal").findValuesAsText("outcome")).containsOnly("OK");
        assertThat(journal(order, "create-sales-order").get(0).path("refs").path("erpOrderId").asText())
                .isEqualTo(order.path("refs").path("erpOrderId").asText());
    }

    private static int calls(WireMockServer server, UrlPattern url, String orderId, String step) {
        return server.findAll(postRequestedFor(url).withHeader("Idempotency-Key", equalTo(orderId + ":" + step))).size();
    }
}
