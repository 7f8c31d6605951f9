package dev.ferry.sandbox.portal;

import java.math.BigDecimal;
import java.time.Instant;

/** A consignment as booked on the portal; its status follows from the time since {@code bookedAt}. */
public record Consignment(String number, String reference, String consignee, String street, String postalCode,
        String city, String country, int parcels, BigDecimal weightKg, String description, String service,
        Instant bookedAt) {

    Consignment bookedAt(Instant when) {
        return new Consignment(number, reference, consignee, street, postalCode, city, country, parcels, weightKg,
                description, service, when);
    }
}
