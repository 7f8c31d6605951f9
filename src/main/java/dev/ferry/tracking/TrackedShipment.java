package dev.ferry.tracking;

import java.time.Instant;

/** A consignment of a Ferry order as the carrier's portal shows it: its status, and since when it has it. */
record TrackedShipment(String consignmentNumber, String orderId, String status, Instant statusAt) {
}
