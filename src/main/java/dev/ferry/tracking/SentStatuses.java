package dev.ferry.tracking;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The table {@code shipment_tracking}: the status of each consignment that the CRM last accepted from Ferry. */
@Component
class SentStatuses {

    private final JdbcClient jdbc;

    SentStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> lastSent(String consignmentNumber) {
        return jdbc.sql("SELECT status FROM shipment_tracking WHERE consignment_number = :number")
                .param("number", consignmentNumber)
                .query(String.class)
                .optional();
    }

    // update, else insert: portable to H2 and PostgreSQL without MERGE; two runs of the sync never go at once
    void accepted(TrackedShipment shipment, Instant sentAt) {
        Map<String, Object> row = Map.of("number", shipment.consignmentNumber(), "orderId", shipment.orderId(),
                "status", shipment.status(), "statusAt", Timestamp.from(shipment.statusAt()),
                "sentAt", Timestamp.from(sentAt));
        int updated = jdbc.sql("""
                UPDATE shipment_tracking SET order_id = :orderId, status = :status, status_at = :statusAt,
                                             sent_at = :sentAt
                WHERE consignment_number = :number""")
                .params(row)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO shipment_tracking (consignment_number, order_id, status, status_at, sent_at)
                    VALUES (:number, :orderId, :status, :statusAt, :sentAt)""")
                    .params(row)
                    .update();
        }
    }
}
