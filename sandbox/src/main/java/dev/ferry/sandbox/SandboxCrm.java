package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;

/**
 * The simulated CRM: customers, a trickle of new orders to pull, and the write-back of an order's status and,
 * later, of its shipment's status as the carrier reports it.
 */
public final class SandboxCrm extends SimulatedApi {

    private static final List<String> UPDATE_FIELDS = List.of("ferryOrderId", "source", "externalId", "status",
            "erpOrderId", "invoiceId", "shipmentId", "trackingNumber", "shipmentStatus", "shipmentStatusAt");

    private final Clock clock;
    private final CrmTrickle trickle;
    private final RecordBook updates;
    private final IdempotencyStore idempotency = new IdempotencyStore();

    /**
     * {@code updates} keeps the order-updates across restarts, and with them which orders Ferry has written back;
     * {@code trickle} how far the trickle has got. Or {@link StateFile#none()}.
     */
    SandboxCrm(SandboxSettings.Crm settings, Clock clock, StateFile updates, StateFile trickle) {
        super(SandboxSystem.CRM, settings.port(), Auth.bearer(SandboxSystem.CRM, settings.token()));
        this.clock = clock;
        this.trickle = new CrmTrickle(settings, clock, trickle);
        this.updates = new RecordBook("id", updates);
        for (RecordBook.Kept kept : this.updates.load()) {
            idempotency.restore(kept.key(), kept.fingerprint(), Reply.created(kept.stored()));
            markProcessed(kept.record());
        }
    }

    /** The order-updates received so far, oldest first. */
    public List<JsonNode> orderUpdates() {
        return updates.all();
    }

    /** What {@code GET /api/orders?status=open} answers right now. */
    public List<JsonNode> openOrders() {
        return List.copyOf(trickle.open());
    }

    @Override
    List<Route> routes() {
        return List.of(
                Route.get("/api/customers/{id}", this::customer),
                Route.post("/api/customers/{id}/order-updates", this::orderUpdate),
                Route.get("/api/orders", this::orders));
    }

    @Override
    void clearRecords() {
        updates.clear();
        idempotency.clear();
        trickle.restart();
    }

    @Override
    void closeRecords() {
        updates.close();
        trickle.close();
    }

    private Reply customer(Call call) {
        return Reply.ok(knownCustomer(call.pathParam("id")).toJson());
    }

    private Reply orderUpdate(Call call) {
        CrmCustomer customer = knownCustomer(call.pathParam("id"));
        JsonNode body = call.json();
        return idempotency.create(call, attempt -> {
            Fields.text(body, "ferryOrderId");
            requireAStatus(body);
            RecordBook.Stored update = updates.add(clock.instant(), attempt,
                    sequence -> updateRecord(sequence, customer, body));
            markProcessed(body);
            return Reply.created(update);
        });
    }

    // an update of one of the CRM's own orders takes it off the open list
    private void markProcessed(JsonNode update) {
        if ("crm".equals(update.path("source").asText())) {
            Fields.optionalText(update, "externalId").ifPresent(trickle::markProcessed);
        }
    }

    // an update says where the order stands, where its shipment is, or both; a shipment is named by its number
    private static void requireAStatus(JsonNode body) {
        if (body.hasNonNull("shipmentStatus")) {
            Fields.text(body, "shipmentStatus");
            Fields.text(body, "trackingNumber");
        } else if (!body.hasNonNull("status")) {
            throw Rejection.badRequest("missing_field", "An order update needs a status, a shipmentStatus or both.");
        } else {
            Fields.text(body, "status");
        }
    }

    private ObjectNode updateRecord(long sequence, CrmCustomer customer, JsonNode body) {
        ObjectNode update = Json.object().put("id", "UPD-%06d".formatted(sequence)).put("customerId", customer.id());
        UPDATE_FIELDS.forEach(field -> Fields.optionalText(body, field).ifPresent(value -> update.put(field, value)));
        return update.put("receivedAt", clock.instant().toString());
    }

    private Reply orders(Call call) {
        String status = call.query("status").orElse("open");
        if (!"open".equals(status)) {
            throw Rejection.badRequest("invalid_status",
                    "The CRM can only list open orders; ask for status=open instead of status=" + status + ".");
        }
        ObjectNode page = Json.object();
        page.putArray("orders").addAll(trickle.open());
        return Reply.ok(page);
    }

    private static CrmCustomer knownCustomer(String id) {
        return CrmCustomers.find(id).orElseThrow(() -> new Rejection(404, "customer_not_found",
                "No customer with id " + id + " exists in the CRM."));
    }
}
