package dev.ferry.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.inbox.Notice;
import dev.ferry.inbox.Notices;
import dev.ferry.orders.OrderRecord;
import dev.ferry.orders.OrderStore;
import dev.ferry.inbox.FlagCategory;
import dev.ferry.scheduling.ScheduleRun;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class NightlyReconciliationTests {

    private static final CamelContext CAMEL = new DefaultCamelContext();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeNotices notices = new FakeNotices();
    private final OrderStore orders = mock(OrderStore.class);
    private final NightlyReconciliation reconciliation = new NightlyReconciliation(notices, orders,
            new ReconciliationSettings(1), Clock.fixed(Instant.parse("2026-11-29T01:30:00Z"), ZoneOffset.UTC));

    @AfterAll
    static void stopCamel() throws Exception {
        CAMEL.close();
    }

    @Test
    void eachMismatchIsRaisedOnceUnderItsDayAndSalesOrder() {
        when(orders.find(anyString())).thenReturn(Optional.empty());
        Exchange exchange = planned();

        reconcile(exchange, """
                [{"salesOrderId":"SO-1","orderId":"ord-1","amount":"100.00","currency":"EUR","record":{"id":"SO-1"}},
                 {"salesOrderId":"SO-2","orderId":"ord-2","amount":"20.00","currency":"EUR","record":{"id":"SO-2"}},
                 {"salesOrderId":"SO-3","orderId":"ord-3","amount":"5.00","currency":"EUR","record":{"id":"SO-3"}}]""",
                """
                [{"invoiceId":"INV-2","salesOrderId":"SO-2","amount":"10.00","currency":"EUR","record":{}},
                 {"invoiceId":"INV-3","salesOrderId":"SO-3","amount":"5.00","currency":"EUR","record":{}}]""");

        assertThat(notices.raised).extracting(Notice::subject)
                .containsExactly("reconciliation:2026-11-28:SO-1", "reconciliation:2026-11-28:SO-2");
        assertThat(notices.raised).allSatisfy(notice -> {
            assertThat(notice.category()).isEqualTo(FlagCategory.RECONCILIATION);
            assertThat(notice.step()).isEqualTo("nightly-reconciliation");
        });
        assertThat(notices.raised).extracting(Notice::title)
                .containsExactly("SO-1: no invoice", "SO-2: invoiced 10.00 EUR, ordered 20.00 EUR");
        assertThat(exchange.getProperty(ScheduleRun.ITEMS)).isEqualTo(3);
    }

    @Test
    void aSalesOrderOfAFerryOrderLinksThatOrder() {
        when(orders.find("ord-1")).thenReturn(Optional.of(mock(OrderRecord.class)));
        when(orders.find("MANUAL-7")).thenReturn(Optional.empty());

        reconcile(planned(), """
                [{"salesOrderId":"SO-1","orderId":"ord-1","amount":"100.00","currency":"EUR","record":{}},
                 {"salesOrderId":"SO-2","orderId":"MANUAL-7","amount":"20.00","currency":"EUR","record":{}}]""", "[]");

        assertThat(notices.raised).extracting(Notice::relatedOrderId).containsExactly("ord-1", null);
    }

    @Test
    void aSalesOrderThatMatchesNowSettlesItsItemFromAnEarlierRun() {
        reconcile(planned(), """
                [{"salesOrderId":"SO-1","orderId":"ord-1","amount":"100.00","currency":"EUR","record":{}}]""", """
                [{"invoiceId":"INV-1","salesOrderId":"SO-1","amount":"100.00","currency":"EUR","record":{}}]""");

        assertThat(notices.raised).isEmpty();
        assertThat(notices.resolved).containsExactly("reconciliation:2026-11-28:SO-1");
    }

    @Test
    void planReadsYesterdaysSalesOrdersAndTheInvoicesSince() {
        Exchange exchange = planned();

        assertThat(exchange.getProperty(NightlyReconciliation.DAY)).isEqualTo("2026-11-28");
        assertThat(exchange.getProperty(NightlyReconciliation.INVOICE_DAYS))
                .isEqualTo(List.of("2026-11-28", "2026-11-29"));
    }

    private Exchange planned() {
        Exchange exchange = new DefaultExchange(CAMEL);
        reconciliation.plan(exchange, "UTC");
        return exchange;
    }

    private void reconcile(Exchange exchange, String salesOrders, String invoices) {
        exchange.setProperty(NightlyReconciliation.SALES_ORDERS, json(salesOrders));
        exchange.getMessage().setBody(json(invoices));
        reconciliation.reconcile(exchange);
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final class FakeNotices implements Notices {
        final List<Notice> raised = new ArrayList<>();
        final List<String> resolved = new ArrayList<>();

        @Override
        public Optional<String> raise(Notice notice) {
            raised.add(notice);
            return Optional.of("item-" + raised.size());
        }

        @Override
        public boolean resolve(String subject, String actor, String note) {
            resolved.add(subject);
            return true;
        }
    }
}
