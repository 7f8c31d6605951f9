package dev.ferry.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> ONE_DAY = List.of("2026-11-28");

    static SalesOrder order(String id, String amount, String currency) {
        ObjectNode record = JSON.createObjectNode().put("id", id).put("total", amount).put("currency", currency);
        return new SalesOrder(id, "ord-" + id, amount == null ? null : new BigDecimal(amount), currency, record);
    }

    static Invoice invoice(String id, String salesOrderId, String amount, String currency) {
        ObjectNode record = JSON.createObjectNode().put("invoiceId", id).put("salesOrderId", salesOrderId)
                .put("amount", amount).put("currency", currency);
        return new Invoice(id, salesOrderId, amount == null ? null : new BigDecimal(amount), currency, record);
    }

    @Test
    void anOrderInvoicedForItsAmountMatches() {
        var result = Comparison.compare(List.of(order("SO-1", "100.00", "EUR")),
                List.of(invoice("INV-1", "SO-1", "100.00", "EUR")));

        assertThat(result.mismatches()).isEmpty();
        assertThat(result.matched()).extracting(SalesOrder::id).containsExactly("SO-1");
    }

    @Test
    void amountsAreComparedAsMoneyNotAsText() {
        var result = Comparison.compare(List.of(order("SO-1", "100", "EUR")),
                List.of(invoice("INV-1", "SO-1", "100.00", "EUR")));

        assertThat(result.mismatches()).isEmpty();
    }

    @Test
    void anOrderWithoutAnInvoiceIsAMismatch() {
        var result = Comparison.compare(List.of(order("SO-000123", "100.00", "EUR")), List.of());

        Mismatch mismatch = result.mismatches().get(0);
        assertThat(mismatch.title()).isEqualTo("SO-000123: no invoice");
        assertThat(mismatch.reason("2026-11-28", List.of("2026-11-28", "2026-11-29"))).isEqualTo(
                "The ERP has sales order SO-000123 of 2026-11-28 for 100.00 EUR, but the accounting system has no"
                        + " invoice for it (invoices issued from 2026-11-28 to 2026-11-29 were checked).");
    }

    @Test
    void anInvoiceForAnotherAmountIsAMismatchEvenByOneCent() {
        var result = Comparison.compare(List.of(order("SO-000123", "100.00", "EUR")),
                List.of(invoice("INV-2026-000045", "SO-000123", "99.99", "EUR")));

        Mismatch mismatch = result.mismatches().get(0);
        assertThat(mismatch.title()).isEqualTo("SO-000123: invoiced 99.99 EUR, ordered 100.00 EUR");
        assertThat(mismatch.reason("2026-11-28", ONE_DAY)).isEqualTo("Invoice INV-2026-000045 for sales order"
                + " SO-000123 is for 99.99 EUR, but the sales order is for 100.00 EUR (0.01 EUR less).");
    }

    @Test
    void anInvoiceInAnotherCurrencyIsAMismatchWhateverTheAmount() {
        var result = Comparison.compare(List.of(order("SO-1", "100.00", "EUR")),
                List.of(invoice("INV-1", "SO-1", "100.00", "USD")));

        Mismatch mismatch = result.mismatches().get(0);
        assertThat(mismatch.title()).isEqualTo("SO-1: invoiced 100.00 USD, ordered 100.00 EUR");
        assertThat(mismatch.reason("2026-11-28", ONE_DAY)).endsWith("but the sales order is for 100.00 EUR.");
    }

    @Test
    void invoicesThatAddUpToTheOrderAreASplitInvoiceNotAMismatch() {
        var result = Comparison.compare(List.of(order("SO-1", "100.00", "EUR")),
                List.of(invoice("INV-1", "SO-1", "60.00", "EUR"), invoice("INV-2", "SO-1", "40.00", "EUR")));

        assertThat(result.mismatches()).isEmpty();
    }

    @Test
    void anOrderInvoicedTwiceIsAMismatchThatNamesBothInvoices() {
        var result = Comparison.compare(List.of(order("SO-1", "100.00", "EUR")),
                List.of(invoice("INV-1", "SO-1", "100.00", "EUR"), invoice("INV-2", "SO-1", "100.00", "EUR")));

        Mismatch mismatch = result.mismatches().get(0);
        assertThat(mismatch.title()).isEqualTo("SO-1: invoiced 200.00 EUR in 2 invoices, ordered 100.00 EUR");
        assertThat(mismatch.reason("2026-11-28", ONE_DAY)).isEqualTo("The 2 invoices for sales order SO-1"
                + " (INV-1: 100.00 EUR, INV-2: 100.00 EUR) come to 200.00 EUR, but the sales order is for 100.00 EUR"
                + " (100.00 EUR more).");
    }

    @Test
    void anInvoiceWithoutAReadableAmountIsAMismatch() {
        var result = Comparison.compare(List.of(order("SO-1", "100.00", "EUR")),
                List.of(invoice("INV-1", "SO-1", null, "EUR")));

        assertThat(result.mismatches()).singleElement()
                .satisfies(m -> assertThat(m.title()).isEqualTo("SO-1: invoiced an amount Ferry cannot read, ordered 100.00 EUR"));
    }

    @Test
    void anInvoiceOfAnotherDaysOrderIsSetAsideNotFlagged() {
        var result = Comparison.compare(List.of(order("SO-2", "10.00", "EUR")),
                List.of(invoice("INV-1", "SO-1", "100.00", "EUR"), invoice("INV-2", "SO-2", "10.00", "EUR")));

        assertThat(result.mismatches()).isEmpty();
        assertThat(result.otherOrders()).extracting(Invoice::id).containsExactly("INV-1");
    }

    @Test
    void anInvoiceListedTwiceCountsOnce() {
        Invoice invoice = invoice("INV-1", "SO-1", "100.00", "EUR");

        var result = Comparison.compare(List.of(order("SO-1", "100.00", "EUR")), List.of(invoice, invoice));

        assertThat(result.mismatches()).isEmpty();
    }

    @Test
    void theDetailHoldsBothSystemsRecords() {
        var result = Comparison.compare(List.of(order("SO-1", "100.00", "EUR")),
                List.of(invoice("INV-1", "SO-1", "90.00", "EUR")));

        assertThat(result.mismatches().get(0).detail())
                .contains("ERP sales order: {\"id\":\"SO-1\",\"total\":\"100.00\"")
                .contains("Accounting invoices: [{\"invoiceId\":\"INV-1\"");
    }
}
