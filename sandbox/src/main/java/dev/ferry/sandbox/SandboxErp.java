package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The simulated ERP: sales orders, keyed by {@code X-API-Key}. */
public final class SandboxErp extends SimulatedApi {

    static final String FLAKY_CUSTOMER = "C-FLAKY";
    private static final int FLAKY_FAILURES = 2;
    private static final String DISCONTINUED_PREFIX = "DISCONTINUED-";

    private final Clock clock;
    private final RecordBook salesOrders;
    private final IdempotencyStore idempotency = new IdempotencyStore();

    /** {@code state}: where the sales orders are kept across restarts, or {@link StateFile#none()}. */
    SandboxErp(SandboxSettings.Erp settings, Clock clock, StateFile state) {
        super(SandboxSystem.ERP, settings.port(), Auth.apiKey(SandboxSystem.ERP, "X-API-Key", settings.apiKey()));
        this.clock = clock;
        this.salesOrders = new RecordBook("id", state);
        salesOrders.load().forEach(kept -> idempotency.restore(kept.key(), kept.fingerprint(), created(kept.stored())));
    }

    /** How many sales orders the ERP holds. */
    public int salesOrders() {
        return salesOrders.size();
    }

    public List<JsonNode> salesOrderRecords() {
        return salesOrders.all();
    }

    @Override
    List<Route> routes() {
        return List.of(
                Route.post("/api/sales-orders", this::create),
                Route.get("/api/sales-orders/{id}", call -> salesOrders.get(call.pathParam("id"),
                        "sales_order_not_found", "No sales order with id " + call.pathParam("id")
                                + " exists in the ERP.")),
                Route.get("/api/sales-orders", call -> salesOrders.list(call, "salesOrders")));
    }

    @Override
    void clearRecords() {
        salesOrders.clear();
        idempotency.clear();
    }

    @Override
    void closeRecords() {
        salesOrders.close();
    }

    private Reply create(Call call) {
        JsonNode body = call.json();
        return idempotency.create(call, attempt -> {
            String customerId = Fields.text(body, "customerId");
            String reference = Fields.text(body, "reference");
            String currency = Fields.currency(body);
            List<PricedLine> lines = PricedLine.readAll(body, currency);
            lines.stream().filter(line -> line.sku().startsWith(DISCONTINUED_PREFIX)).findFirst().ifPresent(line -> {
                throw Rejection.unprocessable("sku_discontinued",
                        "Item " + line.sku() + " is discontinued and can no longer be sold.");
            });
            if (FLAKY_CUSTOMER.equals(customerId) && attempt.number() <= FLAKY_FAILURES) {
                return Reply.error(503, "unavailable", "The ERP is temporarily unavailable.");
            }
            Instant now = clock.instant();
            return created(salesOrders.add(now, attempt, sequence -> {
                ObjectNode record = Json.object()
                        .put("id", "SO-%06d".formatted(sequence))
                        .put("status", "OPEN")
                        .put("customerId", customerId)
                        .put("reference", reference);
                Fields.optionalText(body, "externalId").ifPresent(externalId -> record.put("externalId", externalId));
                record.put("currency", currency).put("total", PricedLine.total(lines, currency).toPlainString());
                record.set("lines", PricedLine.toJson(lines));
                return record.put("createdAt", now.toString());
            }));
        });
    }

    private static Reply created(RecordBook.Stored order) {
        return Reply.created(order).withHeader("Location", "/api/sales-orders/" + order.id());
    }
}
