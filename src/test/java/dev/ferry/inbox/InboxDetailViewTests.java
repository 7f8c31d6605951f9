package dev.ferry.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.orders.OrderStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboxDetailViewTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void linesAddUpToTheOrderTotal() throws Exception {
        InboxDetailView view = view("""
                [{"sku":"SKU-RED-MUG","quantity":2,"unitPrice":"12.50"},{"sku":"SKU-TEA-TOWEL","quantity":1,"unitPrice":7.95}]""");

        assertThat(view.lines()).extracting(InboxDetailView.Line::total).containsExactly("25.00", "7.95");
        assertThat(view.total()).isEqualTo("32.95 EUR");
    }

    // a pulled order kept for review may hold anything: written out, 1e-999999999 alone would be a gigabyte
    @Test
    void anAbsurdAmountIsShownAsItCameAndNotAddedUp() throws Exception {
        InboxDetailView view = view("""
                [{"sku":"SKU-RED-MUG","quantity":2,"unitPrice":"1e-999999999"},
                 {"sku":"SKU-TEA-TOWEL","quantity":1,"unitPrice":"12.50"},
                 {"sku":"SKU-OAK-BOARD","quantity":1,"unitPrice":"%s"}]""".formatted("1".repeat(5000)));

        assertThat(view.lines()).extracting(InboxDetailView.Line::unitPrice).first().isEqualTo("1e-999999999");
        assertThat(view.lines()).extracting(InboxDetailView.Line::total).containsExactly("", "12.50", "");
        assertThat(view.total()).isEqualTo("—");
    }

    private static InboxDetailView view(String lines) throws Exception {
        ObjectNode payload = (ObjectNode) JSON.readTree("""
                {"externalId":"CRM-000170","source":"crm","currency":"EUR","lines":%s}""".formatted(lines));
        Instant at = Instant.parse("2026-11-28T12:00:00Z");
        InboxDetail detail = new InboxDetail("e1", "o1", null, null, null, ExceptionStatus.OPEN, FlagCategory.VALIDATION,
                "accept", "not valid", "schema violations", 1, payload, at, at, List.of(), List.of(),
                new InboxDetail.Order(OrderStatus.FLAGGED, "CRM-000170", "crm", Map.of(), List.of(), null));
        return InboxDetailView.of(detail, at);
    }
}
