package dev.ferry.sandbox.portal;

import java.time.Duration;
import java.time.Instant;

/** Where a consignment is; each status lasts one {@code status-every} period, then the next one follows. */
public enum ShipmentStatus {

    BOOKED, PICKED_UP, IN_TRANSIT, DELIVERED;

    static ShipmentStatus of(Consignment consignment, Instant now, Duration every) {
        return values()[steps(consignment, now, every)];
    }

    /** When the consignment reached its current status. */
    static Instant lastUpdate(Consignment consignment, Instant now, Duration every) {
        return consignment.bookedAt().plus(every.multipliedBy(steps(consignment, now, every)));
    }

    private static int steps(Consignment consignment, Instant now, Duration every) {
        long elapsed = Math.max(0, Duration.between(consignment.bookedAt(), now).toMillis());
        return (int) Math.min(DELIVERED.ordinal(), elapsed / every.toMillis());
    }
}
