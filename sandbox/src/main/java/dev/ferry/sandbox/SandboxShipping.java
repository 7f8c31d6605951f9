package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The simulated shipping service of the carrier Nordic Express: shipments and their tracking numbers. */
public final class SandboxShipping extends SimulatedApi {

    static final String DOWN_CUSTOMER = "C-DOWN";
    static final String CARRIER = "Nordic Express";
    private static final String NOWHERE_POSTCODE = "00000";
    private static final Set<String> SERVICES = Set.of("standard", "express");

    private final Clock clock;
    private final RecordBook shipments;
    private final IdempotencyStore idempotency = new IdempotencyStore();

    /** {@code state}: where the shipments are kept across restarts, or {@link StateFile#none()}. */
    SandboxShipping(SandboxSettings.Shipping settings, Clock clock, StateFile state) {
        super(SandboxSystem.SHIPPING, settings.port(), Auth.bearer(SandboxSystem.SHIPPING, settings.token()));
        this.clock = clock;
        this.shipments = new RecordBook("shipmentId", state);
        shipments.load().forEach(kept -> idempotency.restore(kept.key(), kept.fingerprint(), created(kept.stored())));
    }

    /** How many shipments the shipping service holds. */
    public int shipments() {
        return shipments.size();
    }

    public List<JsonNode> shipmentRecords() {
        return shipments.all();
    }

    @Override
    List<Route> routes() {
        return List.of(
                Route.post("/api/shipments", this::create),
                Route.get("/api/shipments/{id}", call -> shipments.get(call.pathParam("id"), "shipment_not_found",
                        "No shipment with id " + call.pathParam("id") + " exists at " + CARRIER + ".")));
    }

    @Override
    void clearRecords() {
        shipments.clear();
        idempotency.clear();
    }

    @Override
    void closeRecords() {
        shipments.close();
    }

    private Reply create(Call call) {
        JsonNode body = call.json();
        if (DOWN_CUSTOMER.equals(body.path("customerId").asText())) {
            return Reply.error(503, "unavailable", "The shipping service is down for maintenance.");
        }
        return idempotency.create(call, attempt -> {
            String reference = Fields.text(body, "reference");
            String service = Fields.text(body, "service");
            JsonNode recipient = Fields.object(body, "recipient");
            for (String field : List.of("name", "street", "city", "postalCode", "country")) {
                Fields.text(recipient, "recipient.", field);
            }
            JsonNode items = Fields.nonEmptyArray(body, "items");
            for (int i = 0; i < items.size(); i++) {
                Fields.text(items.get(i), "items[" + i + "].", "sku");
                Fields.quantity(items.get(i), "items[" + i + "].");
            }
            if (!SERVICES.contains(service)) {
                throw Rejection.unprocessable("unsupported_service", CARRIER + " does not offer the service \""
                        + service + "\"; choose standard or express.");
            }
            if (NOWHERE_POSTCODE.equals(recipient.get("postalCode").asText())) {
                throw Rejection.unprocessable("invalid_address", "The postal code " + NOWHERE_POSTCODE
                        + " does not exist in " + countryName(recipient.get("country").asText())
                        + "; check the delivery address.");
            }
            Instant now = clock.instant();
            return created(shipments.add(now, attempt, sequence -> {
                ObjectNode record = Json.object()
                        .put("shipmentId", "SHP-%06d".formatted(sequence))
                        .put("trackingNumber", TrackingNumbers.of(sequence))
                        .put("carrier", CARRIER)
                        .put("service", service)
                        .put("status", "LABEL_CREATED")
                        .put("reference", reference);
                Fields.optionalText(body, "customerId").ifPresent(id -> record.put("customerId", id));
                return record.put("createdAt", now.toString());
            }));
        });
    }

    private static Reply created(RecordBook.Stored shipment) {
        return Reply.created(shipment).withHeader("Location", "/api/shipments/" + shipment.id());
    }

    private static String countryName(String code) {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() || name.equalsIgnoreCase(code) ? code : name;
    }
}
