package dev.ferry.bots.nordicfreight;

import java.time.Instant;

/** One row of the portal's shipment-status table. */
record Shipment(String consignmentNumber, String reference, String status, Instant lastUpdate) {
}
