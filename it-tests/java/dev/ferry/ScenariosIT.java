package dev.ferry;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox scenarios of docs/sandbox.md#scenarios: each ends in a defined status with a journal entry naming step and cause. */
class ScenariosIT extends FerryIntegrationTest {

    @Test
    void unknownCustomerIsFlaggedAtResolveCustomer() {
        JsonNode order = awaitStatus(accept(TestOrders.forCustomer("SCN-404", "C-404")), "FLAGGED");

        assertFailed(order, "resolve-customer", "DOWNSTREAM_REJECTED", "C-404");
    }

    @Test
    void discontinuedSkuIsFlaggedAtCreateSalesOrder() {
        JsonNode order = awaitStatus(accept(TestOrders.withSku("SCN-DISC", "DISCONTINUED-LAMP")), "FLAGGED");

        assertFailed(order, "create-sales-order", "DOWNSTREAM_REJECTED", "discontinued");
    }

    @Test
    void invalidPostalCodeIsFlaggedAtCreateShipmentAfterTheSalesOrderAndInvoiceExist() {
        JsonNode order = awaitStatus(accept(TestOrders.withPostalCode("SCN-00000", "00000")), "FLAGGED");

        assertFailed(order, "create-shipment", "DOWNSTREAM_REJECTED", "00000");
        assertThat(order.path("refs").path("erpOrderId").asText()).startsWith("SO-");
        assertThat(order.path("refs").path("invoiceId").asText()).startsWith("INV-");
    }

    @Test
    void flakyErpCompletesAfterExactlyThreeCallsThatTheJournalShows() {
        String id = accept(TestOrders.forCustomer("SCN-FLAKY", "C-FLAKY"));

        JsonNode order = awaitStatus(id, "COMPLETED");

        List<JsonNode> attempts = journal(order, "create-sales-order");
        assertThat(attempts).extracting(e -> e.path("outcome").asText()).containsExactly("RETRY", "RETRY", "OK");
        assertThat(attempts.get(0).path("detail").asText()).contains("503").containsPattern("trying again in [0-9.]+ s");
        assertThat(calls(sandbox.erp().server(), id + ":create-sales-order")).hasSize(3);
    }

    @Test
    void throttlingAccountingIsCalledAgainOnlyAfterItsRetryAfter() {
        String id = accept(TestOrders.forCustomer("SCN-THROTTLE", "C-THROTTLE"));

        JsonNode order = awaitStatus(id, "COMPLETED");

        List<JsonNode> attempts = journal(order, "create-invoice");
        assertThat(attempts).extracting(e -> e.path("outcome").asText()).containsExactly("RETRY", "OK");
        assertThat(attempts.get(0).path("detail").asText()).contains("429").contains("Retry-After");
        List<LoggedRequest> calls = calls(sandbox.accounting().server(), id + ":create-invoice");
        assertThat(calls).hasSize(2);
        // the sandbox answers Retry-After: 2
        assertThat(Duration.between(calls.get(0).getLoggedDate().toInstant(), calls.get(1).getLoggedDate().toInstant()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void shippingThatStaysDownIsFlaggedAfterTheConfiguredAttemptsAndCalledNoMore() {
        String id = accept(TestOrders.forCustomer("SCN-DOWN", "C-DOWN"));

        JsonNode order = awaitStatus(id, "FLAGGED");

        // ferry.retry.max-attempts is 5: the first attempt and four retries
        assertFailed(order, "create-shipment", "RETRIES_EXHAUSTED", "(5 attempts)");
        assertThat(journal(order, "create-shipment")).filteredOn(e -> "RETRY".equals(e.path("outcome").asText()))
                .hasSize(4);
        assertThat(calls(sandbox.shipping().server(), id + ":create-shipment")).hasSize(5);
    }

    @Test
    void anOrderAboveTheReviewLimitIsFlaggedBeforeAnythingIsCreated() {
        String id = accept(TestOrders.withQuantity("SCN-BIG", 1000));

        JsonNode order = awaitStatus(id, "FLAGGED");

        assertFailed(order, "check-rules", "BUSINESS_RULE", "review limit");
        assertThat(sandbox.erp().salesOrderRecords()).noneMatch(r -> id.equals(r.path("reference").asText()));
    }

    @Test
    void freightIsBookedByTheBotOnTheLegacyPortal() {
        Chromium.executable();
        sandbox.portal().hazards().calm();

        JsonNode order = awaitStatus(accept(TestOrders.withService("SCN-FREIGHT", "freight")), "COMPLETED");

        assertThat(journal(order, "book-freight")).extracting(e -> e.path("outcome").asText()).containsExactly("OK");
        assertThat(order.path("refs").path("trackingNumber").asText()).startsWith("NF-");
    }

    /** The calls that carried this Idempotency-Key, oldest first. */
    private static List<LoggedRequest> calls(WireMockServer server, String idempotencyKey) {
        List<LoggedRequest> calls = new java.util.ArrayList<>(server.findAll(
                RequestPatternBuilder.allRequests().withHeader("Idempotency-Key", equalTo(idempotencyKey))));
        calls.sort(java.util.Comparator.comparing(LoggedRequest::getLoggedDate));
        return calls;
    }

    private static void assertFailed(JsonNode order, String step, String category, String cause) {
        List<JsonNode> failed = journal(order, step).stream()
                .filter(e -> "FAILED".equals(e.path("outcome").asText())).toList();
        assertThat(failed).as(order.toPrettyString()).hasSize(1);
        String detail = failed.get(0).path("detail").asText();
        assertThat(detail).startsWith(category + ":").contains(cause);
        assertThat(detail).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(order.path("exceptionId").asText()).as("the inbox item of the flagged order").isNotBlank();
    }
}
