package dev.ferry.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.connectors.ConnectorFailures;
import dev.ferry.connectors.Connectors;
import dev.ferry.orders.OrderRecord;
import dev.ferry.orders.OrderStatus;
import dev.ferry.orders.OrderStore;
import dev.ferry.scheduling.ScheduleRun;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code routes/tracking-sync.yaml} that YAML cannot do cleanly: pick the consignments whose
 * status changed since the CRM last accepted one from Ferry, remember each status the CRM accepts, and end
 * the run with what it did.
 */
@Component("trackingSync")
public class TrackingSync {

    private static final Logger log = LoggerFactory.getLogger(TrackingSync.class);
    // the exchange properties the connectors read: the order a call is for (Idempotency-Key) and its document
    // (the {refs.crmCustomerId} of the path)
    private static final String ORDER_ID = "ferryOrderId";
    private static final String ORDER = "ferryOrder";

    private final OrderStore orders;
    private final SentStatuses sentStatuses;
    private final ConnectorFailures failures;
    private final ObjectMapper json;
    private final Clock clock;

    TrackingSync(OrderStore orders, SentStatuses sentStatuses, ConnectorFailures failures, ObjectMapper json) {
        this.orders = orders;
        this.sentStatuses = sentStatuses;
        this.failures = failures;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    /**
     * Body: the shipment-statuses bot's output. Returns one document per changed consignment of a Ferry order:
     * {@code { orderId, source, externalId, refs, shipment: { consignmentNumber, status, lastUpdate } }}.
     */
    public List<ObjectNode> changes(Exchange exchange) throws InvalidPayloadException {
        JsonNode output = exchange.getMessage().getMandatoryBody(JsonNode.class);
        TrackingRun run = new TrackingRun();
        exchange.setProperty(TrackingRun.PROPERTY, run);
        List<ObjectNode> changes = new ArrayList<>();
        for (JsonNode row : output.path("shipments")) {
            run.read();
            String number = row.path("consignmentNumber").asText();
            Optional<OrderRecord> order = FerryReference.orderId(row.path("reference").asText()).flatMap(orders::find)
                    // another consignment under the order's reference (say, booked again by hand) is not its shipment
                    .filter(o -> number.equals(o.refs().get("trackingNumber")));
            if (order.isEmpty()) {
                run.notFerrys();
            } else if (order.get().status() != OrderStatus.COMPLETED) {
                // the CRM hears of the shipment with the order's completion (update-crm-status); until then a
                // shipment status would be news about an order it does not know is fulfilled
                run.orderNotCompleted();
            } else if (sentStatuses.lastSent(number).filter(row.path("status").asText()::equals).isPresent()) {
                run.unchanged();
            } else {
                changes.add(change(order.get(), row));
            }
        }
        return changes;
    }

    /** Before the CRM call for one change (the body): names its order, and its status for the Idempotency-Key. */
    public void sending(Exchange exchange) throws InvalidPayloadException {
        ObjectNode change = exchange.getMessage().getMandatoryBody(ObjectNode.class);
        exchange.setProperty(ORDER_ID, change.path("orderId").asText());
        exchange.setProperty(ORDER, change);
        exchange.setProperty(Connectors.IDEMPOTENCY_DETAIL, change.path("shipment").path("status").asText());
    }

    /**
     * The CRM accepted the change (the body is the connector's reply): from now on this status of the
     * consignment is no change. The body becomes what the order's journal and refs keep of it.
     */
    public void accepted(Exchange exchange) {
        TrackedShipment shipment = shipment(exchange);
        sentStatuses.accepted(shipment, clock.instant());
        run(exchange).sent();
        String updateId = exchange.getMessage().getBody(JsonNode.class).path("crmShipmentUpdateId").asText(null);
        ObjectNode kept = json.createObjectNode().put("shipmentStatus", shipment.status());
        if (updateId != null) {
            kept.put("crmShipmentUpdateId", updateId);
        }
        exchange.getMessage().setBody(kept);
        log.info("Tracking sync: consignment {} of order {} is {}; the CRM has it", shipment.consignmentNumber(),
                shipment.orderId(), shipment.status());
    }

    /** The CRM call failed: nothing is recorded, so the next run sends the change again. */
    public void notSent(Exchange exchange) {
        TrackedShipment shipment = shipment(exchange);
        String reason = failures.describe(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class),
                exchange.getProperty(Connectors.SYSTEM, String.class)).reason();
        run(exchange).notSent(shipment.consignmentNumber(), reason);
        log.warn("Tracking sync: the status {} of consignment {} (order {}) was not sent, it goes again next run: {}",
                shipment.status(), shipment.consignmentNumber(), shipment.orderId(), reason);
    }

    /** Reports the changes sent to the run history, and fails the run if any change was not sent. */
    public void finish(Exchange exchange) {
        TrackingRun run = run(exchange);
        exchange.setProperty(ScheduleRun.ITEMS, run.sentCount());
        log.info("Tracking sync: {}", run.summary());
        if (!run.notSent().isEmpty()) {
            throw new StatusesNotSent(run.notSent(), run.sentCount());
        }
    }

    private ObjectNode change(OrderRecord order, JsonNode row) {
        ObjectNode change = json.createObjectNode().put("orderId", order.id()).put("source", order.source())
                .put("externalId", order.externalId());
        change.set("refs", json.valueToTree(order.refs()));
        change.putObject("shipment").put("consignmentNumber", row.path("consignmentNumber").asText())
                .put("status", row.path("status").asText()).put("lastUpdate", row.path("lastUpdate").asText());
        return change;
    }

    private static TrackedShipment shipment(Exchange exchange) {
        JsonNode change = exchange.getProperty(ORDER, JsonNode.class);
        JsonNode shipment = change.path("shipment");
        return new TrackedShipment(shipment.path("consignmentNumber").asText(), change.path("orderId").asText(),
                shipment.path("status").asText(), Instant.parse(shipment.path("lastUpdate").asText()));
    }

    private static TrackingRun run(Exchange exchange) {
        return exchange.getProperty(TrackingRun.PROPERTY, TrackingRun.class);
    }
}
