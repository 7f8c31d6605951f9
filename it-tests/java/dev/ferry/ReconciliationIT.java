package dev.ferry;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.SandboxSystem;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The nightly reconciliation against the sandbox ERP and accounting system: orders that went through Ferry
 * match their invoices; a sales order typed into the ERP without an invoice, and one invoiced for less, are
 * the only inbox items, and a second run adds none.
 */
@TestPropertySource(properties = {
        // the sandbox holds only today's records
        "ferry.reconciliation.days-back=0",
        // a handful of records then comes over several pages, so a reading of one page only would show
        "ferry.reconciliation.page-size=2"
})
class ReconciliationIT extends FerryIntegrationTest {

    private static final String ADMIN_KEY = "ferry-sandbox-ops-key";

    @Test
    void flagsThePlantedMissingInvoiceAndAmountMismatchAndNothingElse() {
        List<String> ferryOrders = IntStream.rangeClosed(1, 3)
                .mapToObj(i -> accept(TestOrders.withQuantity("RECON-" + i, i))).toList();
        ferryOrders.forEach(orderId -> awaitStatus(orderId, "COMPLETED"));
        String unbilled = plantSalesOrder("MANUAL-UNBILLED", 4, "12.50");
        String misbilled = plantSalesOrder("MANUAL-MISBILLED", 2, "50.00");
        plantInvoice(misbilled, 1, "90.00");
        // an invoice of an order the ERP did not sell today is another day's business
        plantInvoice("SO-900001", 1, "10.00");

        JsonNode run = runAndAwait(1);

        assertThat(run.path("items").asInt()).as("sales orders compared").isEqualTo(5);
        assertThat(sandbox.erp().server().findAll(getRequestedFor(urlPathEqualTo("/api/sales-orders"))))
                .extracting(request -> request.queryParameter("page").firstValue()).containsExactly("1", "2", "3");
        List<JsonNode> items = reconciliationItems("OPEN");
        assertThat(items).extracting(item -> item.path("title").asText()).containsExactlyInAnyOrder(
                unbilled + ": no invoice",
                misbilled + ": invoiced 90.00 EUR, ordered 100.00 EUR");
        JsonNode noInvoice = detail(find(items, unbilled + ": no invoice"));
        assertThat(noInvoice.path("reason").asText()).isEqualTo("The ERP has sales order " + unbilled + " of "
                + today() + " for 50.00 EUR, but the accounting system has no invoice for it (invoices issued on "
                + today() + " were checked).");
        assertThat(noInvoice.path("detail").asText()).contains("\"reference\":\"MANUAL-UNBILLED\"");
        JsonNode differs = detail(find(items, misbilled + ": invoiced 90.00 EUR, ordered 100.00 EUR"));
        assertThat(differs.path("reason").asText()).startsWith("Invoice INV-")
                .endsWith(" for sales order " + misbilled
                        + " is for 90.00 EUR, but the sales order is for 100.00 EUR (10.00 EUR less).");
        assertThat(differs.path("category").asText()).isEqualTo("RECONCILIATION");

        runAndAwait(2);

        assertThat(reconciliationItems(null)).extracting(item -> item.path("id").asText())
                .containsExactlyInAnyOrderElementsOf(items.stream().map(item -> item.path("id").asText()).toList());
    }

    private JsonNode runAndAwait(int runs) {
        HttpResponse<String> fired = send(HttpRequest.newBuilder(uri("/api/schedules/nightly-reconciliation/run"))
                .header("Authorization", "Bearer " + ADMIN_KEY).POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(fired.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> finishedRuns().size() == runs);
        JsonNode last = finishedRuns().get(0);
        assertThat(last.path("outcome").asText()).as(last.toString()).isEqualTo("OK");
        return last;
    }

    private List<JsonNode> finishedRuns() {
        List<JsonNode> runs = new ArrayList<>();
        read(get("/api/schedules/nightly-reconciliation/runs").body()).path("items").forEach(run -> {
            if (!"RUNNING".equals(run.path("outcome").asText())) {
                runs.add(run);
            }
        });
        return runs;
    }

    private List<JsonNode> reconciliationItems(String status) {
        List<JsonNode> items = new ArrayList<>();
        read(get("/api/exceptions?category=RECONCILIATION&size=50" + (status == null ? "" : "&status=" + status))
                .body()).path("items").forEach(items::add);
        return items;
    }

    private JsonNode detail(JsonNode item) {
        return read(get("/api/exceptions/" + item.path("id").asText()).body());
    }

    private static JsonNode find(List<JsonNode> items, String title) {
        return items.stream().filter(item -> title.equals(item.path("title").asText())).findFirst().orElseThrow();
    }

    /** A sales order typed into the ERP by hand: one line, EUR. Its id, e.g. SO-000004. */
    private String plantSalesOrder(String reference, int quantity, String unitPrice) {
        String body = """
                {"customerId":"C-1002","reference":"%s","currency":"EUR",
                 "lines":[{"sku":"SKU-RED-MUG","quantity":%d,"unitPrice":"%s"}]}"""
                .formatted(reference, quantity, unitPrice);
        HttpResponse<String> created = send(HttpRequest.newBuilder(
                        URI.create(sandbox.baseUrl(SandboxSystem.ERP) + "/api/sales-orders"))
                .header("X-API-Key", "erp-sandbox-key").header("Idempotency-Key", "plant-" + reference)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return read(created.body()).path("id").asText();
    }

    private void plantInvoice(String salesOrderId, int quantity, String unitPrice) {
        String body = """
                {"customerId":"C-1002","salesOrderId":"%s","reference":"MANUAL","currency":"EUR",
                 "lines":[{"sku":"SKU-RED-MUG","quantity":%d,"unitPrice":"%s"}]}"""
                .formatted(salesOrderId, quantity, unitPrice);
        String basic = Base64.getEncoder().encodeToString("ferry:accounting-sandbox".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = send(HttpRequest.newBuilder(
                        URI.create(sandbox.baseUrl(SandboxSystem.ACCOUNTING) + "/api/invoices"))
                .header("Authorization", "Basic " + basic).header("Idempotency-Key", "plant-" + salesOrderId)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    private HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + ADMIN_KEY).GET().build());
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }
}
