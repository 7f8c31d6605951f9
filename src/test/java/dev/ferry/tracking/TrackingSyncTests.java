package dev.ferry.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.connectors.ConnectorFailures;
import dev.ferry.orders.OrderRecord;
import dev.ferry.orders.OrderStatus;
import dev.ferry.orders.OrderStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Which consignments the tracking sync sends to the CRM: changed ones of completed Ferry orders, only. */
class TrackingSyncTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultCamelContext CAMEL = new DefaultCamelContext();
    private static final String ORDER_ID = "9cb734cc-a942-452d-9f85-d8482862d518";
    private static final String REFERENCE = "9cb734cca942452d9f85d8482862d518";

    private final OrderStore orders = mock(OrderStore.class);
    private final SentStatuses sent = mock(SentStatuses.class);
    private final TrackingSync sync = new TrackingSync(orders, sent, mock(ConnectorFailures.class), JSON);

    @Test
    void sendsAConsignmentTheCrmHasNoStatusFor() throws Exception {
        order(OrderStatus.COMPLETED, "NF-1000001");
        when(sent.lastSent("NF-1000001")).thenReturn(Optional.empty());

        List<ObjectNode> changes = sync.changes(exchange(row("NF-1000001", REFERENCE, "BOOKED")));

        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.path("orderId").asText()).isEqualTo(ORDER_ID);
            assertThat(change.path("refs").path("crmCustomerId").asText()).isEqualTo("C-1001");
            assertThat(change.path("shipment").path("consignmentNumber").asText()).isEqualTo("NF-1000001");
            assertThat(change.path("shipment").path("status").asText()).isEqualTo("BOOKED");
            assertThat(change.path("shipment").path("lastUpdate").asText()).isEqualTo("2026-11-28T16:10:00Z");
        });
    }

    @Test
    void sendsAStatusThatDiffersFromTheOneTheCrmHas() throws Exception {
        order(OrderStatus.COMPLETED, "NF-1000001");
        when(sent.lastSent("NF-1000001")).thenReturn(Optional.of("BOOKED"));

        assertThat(sync.changes(exchange(row("NF-1000001", REFERENCE, "IN_TRANSIT")))).hasSize(1);
    }

    @Test
    void leavesAnUnchangedStatusAlone() throws Exception {
        order(OrderStatus.COMPLETED, "NF-1000001");
        when(sent.lastSent("NF-1000001")).thenReturn(Optional.of("IN_TRANSIT"));

        Exchange exchange = exchange(row("NF-1000001", REFERENCE, "IN_TRANSIT"));

        assertThat(sync.changes(exchange)).isEmpty();
        assertThat(run(exchange).summary()).contains("1 consignments read", "1 unchanged");
    }

    @Test
    void countsButLeavesAloneConsignmentsOfNoFerryOrder() throws Exception {
        when(orders.find(anyString())).thenReturn(Optional.empty());
        order(OrderStatus.COMPLETED, "NF-1000001");

        Exchange exchange = exchange(row("NF-1000002", "WALK-IN-7", "BOOKED"),
                row("NF-1000003", "0000000000000000000000000000000a", "BOOKED"),
                // booked again under the order's reference, by hand: not the order's shipment
                row("NF-1000004", REFERENCE, "BOOKED"));

        assertThat(sync.changes(exchange)).isEmpty();
        assertThat(run(exchange).summary()).contains("3 consignments read", "3 of no Ferry order");
    }

    @Test
    void waitsForTheOrderToCompleteBeforeTheCrmHearsOfItsShipment() throws Exception {
        order(OrderStatus.IN_PROGRESS, "NF-1000001");

        Exchange exchange = exchange(row("NF-1000001", REFERENCE, "BOOKED"));

        assertThat(sync.changes(exchange)).isEmpty();
        assertThat(run(exchange).summary()).contains("1 of orders not completed yet");
    }

    private void order(OrderStatus status, String trackingNumber) {
        when(orders.find(ORDER_ID)).thenReturn(Optional.of(new OrderRecord(ORDER_ID, "webshop", "WEB-1", status,
                JSON.createObjectNode(), Map.of("crmCustomerId", "C-1001", "trackingNumber", trackingNumber),
                Instant.EPOCH, Instant.EPOCH)));
    }

    private static ObjectNode row(String number, String reference, String status) {
        return JSON.createObjectNode().put("consignmentNumber", number).put("reference", reference)
                .put("status", status).put("lastUpdate", "2026-11-28T16:10:00Z");
    }

    private static Exchange exchange(ObjectNode... rows) {
        ObjectNode output = JSON.createObjectNode();
        ArrayNode shipments = output.putArray("shipments");
        for (JsonNode row : rows) {
            shipments.add(row);
        }
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.getMessage().setBody(output);
        return exchange;
    }

    private static TrackingRun run(Exchange exchange) {
        return exchange.getProperty(TrackingRun.PROPERTY, TrackingRun.class);
    }
}
