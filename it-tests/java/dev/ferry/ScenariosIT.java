package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sandbox scenarios of CONTRACT.md: each ends in a defined status with a journal entry naming step and cause. */
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
    void flakyErpCompletesAfterRetriesThatTheJournalShows() {
        JsonNode order = awaitStatus(accept(TestOrders.forCustomer("SCN-FLAKY", "C-FLAKY")), "COMPLETED");

        List<JsonNode> attempts = journal(order, "create-sales-order");
        assertThat(attempts).extracting(e -> e.path("outcome").asText()).containsExactly("RETRY", "RETRY", "OK");
        assertThat(attempts.get(0).path("detail").asText()).contains("503").containsPattern("tried again after \\d+ ms");
    }

    @Test
    void throttlingAccountingCompletesAfterARetry() {
        JsonNode order = awaitStatus(accept(TestOrders.forCustomer("SCN-THROTTLE", "C-THROTTLE")), "COMPLETED");

        List<JsonNode> attempts = journal(order, "create-invoice");
        assertThat(attempts).extracting(e -> e.path("outcome").asText()).containsExactly("RETRY", "OK");
        assertThat(attempts.get(0).path("detail").asText()).contains("429");
    }

    @Test
    void shippingThatStaysDownIsFlaggedWhenRetriesRunOut() {
        JsonNode order = awaitStatus(accept(TestOrders.forCustomer("SCN-DOWN", "C-DOWN")), "FLAGGED");

        // ferry.retry.max-redeliveries is 4: the first attempt and four retries
        assertFailed(order, "create-shipment", "RETRIES_EXHAUSTED", "(5 attempts)");
        assertThat(journal(order, "create-shipment")).filteredOn(e -> "RETRY".equals(e.path("outcome").asText()))
                .hasSize(4);
    }

    @Test
    void anOrderAboveTheReviewLimitIsFlaggedBeforeAnythingIsCreated() {
        String id = accept(TestOrders.withQuantity("SCN-BIG", 1000));

        JsonNode order = awaitStatus(id, "FLAGGED");

        assertFailed(order, "check-rules", "BUSINESS_RULE", "review limit");
        assertThat(sandbox.erp().salesOrderRecords()).noneMatch(r -> id.equals(r.path("reference").asText()));
    }

    @Test
    void freightWithoutAPortalBotIsFlaggedAtBookFreight() {
        JsonNode order = awaitStatus(accept(TestOrders.withService("SCN-FREIGHT", "freight")), "FLAGGED");

        assertFailed(order, "book-freight", "BOT_FAILED", "Nordic Freight");
    }

    private static void assertFailed(JsonNode order, String step, String category, String cause) {
        List<JsonNode> failed = journal(order, step).stream()
                .filter(e -> "FAILED".equals(e.path("outcome").asText())).toList();
        assertThat(failed).as(order.toPrettyString()).hasSize(1);
        String detail = failed.get(0).path("detail").asText();
        assertThat(detail).startsWith(category + ":").contains(cause);
        assertThat(detail).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
