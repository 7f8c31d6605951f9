package dev.ferry.rehearsal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.orders.JournalEntry;
import dev.ferry.orders.OrderRecord;
import dev.ferry.orders.OrderStatus;
import dev.ferry.orders.StepOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecorderTests {

    private static final ObjectNode PAYLOAD = new ObjectMapper().createObjectNode().put("externalId", "E-1");

    @Test
    void aStraightRunIsRecordedStepByStepWithTheIdsEachSystemGave() {
        Recording recording = Recorder.ofRun(order(OrderStatus.COMPLETED), List.of(
                entry("accept", StepOutcome.OK, "Accepted from webshop as E-1"),
                entry("check-rules", StepOutcome.OK, "Done."),
                entry("resolve-customer", StepOutcome.OK, "Done", Map.of("crmCustomerId", "C-1")),
                entry("create-invoice", StepOutcome.RETRY,
                        "Attempt 1 failed: The accounting system is unavailable (HTTP 503); trying again in 1.0 s."),
                entry("create-invoice", StepOutcome.OK, "Done", Map.of("invoiceId", "INV-1"))));

        assertThat(recording.answers()).containsOnlyKeys("check-rules", "resolve-customer", "create-invoice");
        assertThat(recording.answers().get("resolve-customer")).containsExactly(Answer.ok(Map.of("crmCustomerId", "C-1")));
        assertThat(recording.answers().get("create-invoice")).containsExactly(
                Answer.failed(Answer.Kind.UNAVAILABLE, "The accounting system is unavailable (HTTP 503)"),
                Answer.ok(Map.of("invoiceId", "INV-1")));
        assertThat(recording.expect()).isEqualTo(new Outcome("COMPLETED", List.of("check-rules OK",
                "resolve-customer OK", "create-invoice RETRY", "create-invoice OK"), null, null));
    }

    @Test
    void aFixedOrderIsRecordedAsItWentAfterTheFixWithTheStepsDoneBeforeTakenFromTheirRun() {
        Recording recording = Recorder.ofRun(order(OrderStatus.COMPLETED), List.of(
                entry("accept", StepOutcome.OK, "Accepted"),
                entry("resolve-customer", StepOutcome.OK, "Done", Map.of("crmCustomerId", "C-1")),
                entry("create-sales-order", StepOutcome.FAILED,
                        "DOWNSTREAM_REJECTED: The ERP rejected the request (HTTP 422): Item DISCONTINUED-LAMP is discontinued"),
                entry("edit", StepOutcome.OK, "Payload corrected by reviewer: /lines/0/sku"),
                entry("replay", StepOutcome.OK, "Replayed by reviewer"),
                entry("resolve-customer", StepOutcome.SKIPPED, "Done before; not repeated."),
                entry("create-sales-order", StepOutcome.OK, "Done", Map.of("erpOrderId", "SO-7"))));

        assertThat(recording.answers().get("resolve-customer")).containsExactly(Answer.ok(Map.of("crmCustomerId", "C-1")));
        assertThat(recording.answers().get("create-sales-order")).containsExactly(Answer.ok(Map.of("erpOrderId", "SO-7")));
        assertThat(recording.expect().steps()).containsExactly("resolve-customer OK", "create-sales-order OK");
    }

    @Test
    void aFlaggedOrderKeepsTheRefusalInTheSystemsWordsAndWhereItWasFlagged() {
        Recording recording = Recorder.ofRun(order(OrderStatus.FLAGGED), List.of(
                entry("check-rules", StepOutcome.OK, "Done."),
                entry("create-sales-order", StepOutcome.FAILED,
                        "DOWNSTREAM_REJECTED: The ERP rejected the request (HTTP 422): discontinued")));

        assertThat(recording.answers().get("create-sales-order")).containsExactly(
                Answer.failed(Answer.Kind.REFUSED, "The ERP rejected the request (HTTP 422): discontinued"));
        assertThat(recording.expect()).isEqualTo(new Outcome("FLAGGED",
                List.of("check-rules OK", "create-sales-order FAILED"), "create-sales-order", "DOWNSTREAM_REJECTED"));
    }

    @Test
    void aRuleAReviewerApprovedIsPassedNotAnswered() {
        Recording recording = Recorder.ofRun(order(OrderStatus.COMPLETED), List.of(
                entry("check-rules", StepOutcome.FAILED, "BUSINESS_RULE: The order total 12000.00 is above 10000.00"),
                entry("replay", StepOutcome.OK, "Replayed by reviewer"),
                entry("check-rules", StepOutcome.OK, "Approved by reviewer"),
                entry("check-rules", StepOutcome.SKIPPED, "Done before; not repeated."),
                entry("resolve-customer", StepOutcome.OK, "Done", Map.of("crmCustomerId", "C-1"))));

        assertThat(recording.approved()).containsExactly("check-rules");
        assertThat(recording.answers()).containsOnlyKeys("resolve-customer");
        assertThat(recording.expect().steps()).containsExactly("resolve-customer OK");
    }

    @Test
    void anOrderStillOnItsWayCannotBeRecorded() {
        assertThatThrownBy(() -> Recorder.ofRun(order(OrderStatus.IN_PROGRESS), List.of()))
                .isInstanceOf(Recorder.NotRecordable.class)
                .hasMessage("Order O-1 is IN_PROGRESS; only an order that ended, COMPLETED or FLAGGED, can be recorded.");
    }

    @Test
    void theDifferenceNamesTheFirstStepThatWouldGoOtherwise() {
        Outcome was = new Outcome("COMPLETED", List.of("check-rules OK", "resolve-customer OK"), null, null);

        assertThat(was.difference(was)).isNull();
        assertThat(was.difference(new Outcome("FLAGGED", List.of("check-rules FAILED"), "check-rules", "BUSINESS_RULE")))
                .isEqualTo("step 1 was 'check-rules OK', would be 'check-rules FAILED'; would end FLAGGED at check-rules (BUSINESS_RULE)");
        assertThat(was.difference(new Outcome("COMPLETED", List.of("check-rules OK", "resolve-customer OK", "book-freight OK"),
                null, null))).isEqualTo("would go on to 'book-freight OK' where it ended; would end COMPLETED");
    }

    /** A completed order with a retried step, whose payload has a price and a country as an order has them. */
    static Recording completed() {
        ObjectNode payload = new ObjectMapper().createObjectNode().put("externalId", "E-1");
        payload.putArray("lines").addObject().put("sku", "SKU-RED-MUG").put("unitPrice", "12.50");
        payload.putObject("shipTo").put("country", "PT");
        return Recorder.ofRun(new OrderRecord("O-1", "webshop", "E-1", OrderStatus.COMPLETED, payload, Map.of(),
                Instant.EPOCH, Instant.EPOCH), List.of(
                entry("check-rules", StepOutcome.OK, "Done."),
                entry("create-invoice", StepOutcome.RETRY, "Attempt 1 failed: busy (HTTP 429); trying again in 1.0 s."),
                entry("create-invoice", StepOutcome.OK, "Done", Map.of("invoiceId", "INV-1"))));
    }

    private static OrderRecord order(OrderStatus status) {
        return new OrderRecord("O-1", "webshop", "E-1", status, PAYLOAD, Map.of(), Instant.EPOCH, Instant.EPOCH);
    }

    private static JournalEntry entry(String step, StepOutcome outcome, String detail) {
        return entry(step, outcome, detail, Map.of());
    }

    private static JournalEntry entry(String step, StepOutcome outcome, String detail, Map<String, String> refs) {
        return new JournalEntry(step, outcome, Instant.EPOCH, detail, refs);
    }
}
