package dev.ferry.bench.volume;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Fills Ferry's tables (already migrated) with {@code n} orders the way months of traffic would leave them,
 * by batched inserts: seven journal entries per order (one per step, with the ids each step produced), one
 * order in 50 flagged into the inbox with its history, a handful of notices. Orders are 30 s apart, the
 * newest ending now. Only the newest 5,000 orders' inbox items still wait (OPEN): reviewers deal with the
 * rest (70 % sent through again, 30 % discarded), so the waiting inbox stays the same size as the tables
 * grow, as it does in real use. The newest few orders are still ACCEPTED or IN_PROGRESS.
 */
final class VolumeData {

    static final String[] SOURCES = {"webshop", "webshop", "webshop", "marketplace", "marketplace", "crm"};
    static final List<String> STEPS = List.of("accept", "check-rules", "resolve-customer", "create-sales-order",
            "create-invoice", "create-shipment", "update-crm-status");
    private static final String[] FIRST = {"Ana", "Bruno", "Carla", "Diogo", "Eva", "Filipe", "Greta", "Hugo",
        "Ines", "Jonas", "Klara", "Luis", "Marta", "Nuno", "Olga", "Pedro"};
    private static final String[] LAST = {"Lima", "Silva", "Costa", "Meyer", "Novak", "Berg", "Rossi", "Dubois",
        "Santos", "Keller", "Moreau", "Horvat"};
    private static final String[] CATEGORIES = {"DOWNSTREAM_REJECTED", "DOWNSTREAM_REJECTED", "VALIDATION",
        "RETRIES_EXHAUSTED", "BUSINESS_RULE", "BOT_FAILED"};
    private static final int FLAG_EVERY = 50;
    private static final int OPEN_WINDOW = 5_000;
    private static final int BATCH = 2_000;

    private VolumeData() {
    }

    static UUID orderId(int i) {
        return new UUID(0x0f0e0d0c0b0a4000L | (i >>> 16), 0x8000000000000000L | (i * 2654435761L & 0xffffffffffffL));
    }

    static String externalId(int i) {
        return "WEB-" + (100_000 + i);
    }

    static String customerName(int i) {
        return FIRST[i % FIRST.length] + " " + LAST[(i / FIRST.length) % LAST.length];
    }

    static String source(int i) {
        return SOURCES[i % SOURCES.length];
    }

    static boolean flagged(int i) {
        return i % FLAG_EVERY == 7;
    }

    static boolean stillOpen(int i, int n) {
        return flagged(i) && i >= n - OPEN_WINDOW;
    }

    static String status(int i, int n) {
        if (stillOpen(i, n)) {
            return "FLAGGED";
        }
        if (flagged(i) && i % 10 < 3) {
            return "DISCARDED";
        }
        if (i >= n - 10) {
            return "ACCEPTED";
        }
        if (i >= n - 25) {
            return "IN_PROGRESS";
        }
        return "COMPLETED";
    }

    static Instant createdAt(int i, int n, Instant now) {
        return now.minus(Duration.ofSeconds(30L * (n - i)));
    }

    static void fill(Connection connection, int n, Instant now) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement orders = connection.prepareStatement("""
                INSERT INTO orders (id, source, external_id, idempotency_key, payload_hash, payload, status, refs,
                                    created_at, updated_at, enqueued_at, lease_owner, lease_until, customer_name,
                                    customer_email)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement journal = connection.prepareStatement("""
                INSERT INTO order_journal (order_id, step, outcome, detail, refs, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?)""");
             PreparedStatement exceptions = connection.prepareStatement("""
                INSERT INTO exceptions (id, order_id, status, open_order_id, category, step, reason, detail, attempts,
                                        created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement history = connection.prepareStatement("""
                INSERT INTO exception_history (exception_id, at, actor, action, note) VALUES (?, ?, ?, ?, ?)""")) {
            for (int i = 0; i < n; i++) {
                addOrder(orders, journal, i, n, now);
                if (flagged(i)) {
                    addException(exceptions, history, i, n, now);
                }
                if ((i + 1) % BATCH == 0 || i == n - 1) {
                    orders.executeBatch();
                    journal.executeBatch();
                    exceptions.executeBatch();
                    history.executeBatch();
                    connection.commit();
                }
            }
            addNotices(connection, now);
            connection.commit();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void addOrder(PreparedStatement orders, PreparedStatement journal, int i, int n, Instant now)
            throws SQLException {
        String id = orderId(i).toString();
        String status = status(i, n);
        Instant created = createdAt(i, n, now);
        String name = customerName(i);
        String email = name.toLowerCase().replace(' ', '.') + "." + i + "@example.com";
        String refs = status.equals("COMPLETED") ? refs(i) : "{}";
        orders.setString(1, id);
        orders.setString(2, source(i));
        orders.setString(3, externalId(i));
        orders.setString(4, i % 2 == 0 ? UUID.nameUUIDFromBytes(("key" + i).getBytes()).toString() : null);
        orders.setString(5, "%064x".formatted(i * 0x9E3779B97F4A7C15L & Long.MAX_VALUE));
        orders.setString(6, payload(i, name, email));
        orders.setString(7, status);
        orders.setString(8, refs);
        orders.setTimestamp(9, Timestamp.from(created));
        orders.setTimestamp(10, Timestamp.from(created.plusSeconds(status.equals("COMPLETED") ? 9 : 2)));
        orders.setTimestamp(11, Timestamp.from(created));
        boolean working = status.equals("IN_PROGRESS");
        orders.setString(12, working ? "node-1" : null);
        // held for a day: however long the bench runs, the stall check finds them still worked on
        orders.setTimestamp(13, working ? Timestamp.from(now.plus(Duration.ofDays(1))) : null);
        orders.setString(14, name);
        orders.setString(15, email);
        orders.addBatch();
        int steps = status.equals("COMPLETED") ? STEPS.size() : status.equals("ACCEPTED") ? 1 : 4;
        for (int s = 0; s < Math.max(steps, 1); s++) {
            String step = STEPS.get(s);
            boolean failed = !status.equals("COMPLETED") && !status.equals("ACCEPTED") && !working && s == steps - 1;
            journal.setString(1, id);
            journal.setString(2, step);
            journal.setString(3, failed ? "FAILED" : "OK");
            journal.setString(4, s == 0 ? "Received from " + source(i) + " as " + externalId(i)
                    : failed ? "DOWNSTREAM_REJECTED: The postal code 00000 does not exist in Portugal." : stepDetail(step, i));
            journal.setString(5, failed || s == 0 || stepRef(step, i) == null ? null : "{" + stepRef(step, i) + "}");
            journal.setTimestamp(6, Timestamp.from(created.plusMillis(300L * s + 40)));
            journal.addBatch();
        }
    }

    private static void addException(PreparedStatement exceptions, PreparedStatement history, int i, int n, Instant now)
            throws SQLException {
        String id = UUID.nameUUIDFromBytes(("exception" + i).getBytes()).toString();
        boolean open = stillOpen(i, n);
        String closed = status(i, n).equals("DISCARDED") ? "DISCARDED" : "RESOLVED";
        Instant created = createdAt(i, n, now).plusSeconds(2);
        exceptions.setString(1, id);
        exceptions.setString(2, orderId(i).toString());
        exceptions.setString(3, open ? "OPEN" : closed);
        exceptions.setString(4, open ? orderId(i).toString() : null);
        exceptions.setString(5, CATEGORIES[(i / FLAG_EVERY) % CATEGORIES.length]);
        exceptions.setString(6, "create-shipment");
        exceptions.setString(7, "The postal code 00000 does not exist in Portugal; check the delivery address.");
        exceptions.setString(8, "HTTP 422 from shipping: {\"error\":\"invalid_postal_code\",\"field\":\"shipTo.postalCode\"}");
        exceptions.setInt(9, 1);
        exceptions.setTimestamp(10, Timestamp.from(created));
        exceptions.setTimestamp(11, Timestamp.from(open ? created : created.plusSeconds(3_600)));
        exceptions.addBatch();
        addHistory(history, id, created, "ferry", "flagged", "The postal code 00000 does not exist in Portugal.");
        if (!open) {
            addHistory(history, id, created.plusSeconds(3_600), "reviewer", closed.equals("RESOLVED") ? "replayed" : "discarded",
                    closed.equals("RESOLVED") ? null : "Customer cancelled by phone.");
        }
    }

    private static void addHistory(PreparedStatement history, String exceptionId, Instant at, String actor, String action,
            String note) throws SQLException {
        history.setString(1, exceptionId);
        history.setTimestamp(2, Timestamp.from(at));
        history.setString(3, actor);
        history.setString(4, action);
        history.setString(5, note);
        history.addBatch();
    }

    private static void addNotices(Connection connection, Instant now) throws SQLException {
        try (PreparedStatement notices = connection.prepareStatement("""
                INSERT INTO exceptions (id, subject, open_subject, title, status, category, step, reason, attempts,
                                        created_at, updated_at)
                VALUES (?, ?, ?, ?, 'OPEN', 'RECONCILIATION', 'reconcile', ?, 0, ?, ?)""")) {
            for (int k = 0; k < 5; k++) {
                String subject = "reconciliation:SO-" + (9_000 + k);
                notices.setString(1, UUID.nameUUIDFromBytes(subject.getBytes()).toString());
                notices.setString(2, subject);
                notices.setString(3, subject);
                notices.setString(4, "ERP sales order SO-" + (9_000 + k) + " has no invoice");
                notices.setString(5, "The ERP has sales order SO-" + (9_000 + k) + " but accounting has no invoice for it.");
                notices.setTimestamp(6, Timestamp.from(now.minusSeconds(3_600L * k)));
                notices.setTimestamp(7, Timestamp.from(now.minusSeconds(3_600L * k)));
                notices.addBatch();
            }
            notices.executeBatch();
        }
    }

    private static String payload(int i, String name, String email) {
        int lines = 1 + i % 3;
        StringBuilder items = new StringBuilder();
        for (int l = 0; l < lines; l++) {
            items.append(l == 0 ? "" : ",").append("{\"sku\":\"SKU-").append(1000 + (i + l) % 500)
                    .append("\",\"quantity\":").append(1 + (i + l) % 4).append(",\"unitPrice\":\"")
                    .append(5 + (i + l) % 90).append(".50\"}");
        }
        return "{\"externalId\":\"" + externalId(i) + "\",\"source\":\"" + source(i) + "\",\"customer\":{\"id\":\"C-"
                + (1000 + i % 5000) + "\",\"email\":\"" + email + "\",\"name\":\"" + name + "\"},\"currency\":\"EUR\","
                + "\"lines\":[" + items + "],\"shipTo\":{\"name\":\"" + name + "\",\"street\":\"Rua Augusta " + (1 + i % 200)
                + "\",\"city\":\"Lisboa\",\"postalCode\":\"1100-048\",\"country\":\"PT\"},\"shipping\":{\"service\":\"standard\"}}";
    }

    private static String refs(int i) {
        return "{\"crmCustomerId\":\"C-" + (1000 + i % 5000) + "\",\"erpOrderId\":\"SO-" + (500_000 + i)
                + "\",\"invoiceId\":\"INV-" + (700_000 + i) + "\",\"shipmentId\":\"SH-" + (300_000 + i)
                + "\",\"trackingNumber\":\"NF" + (10_000_000 + i) + "PT\"}";
    }

    private static String stepRef(String step, int i) {
        return switch (step) {
            case "resolve-customer" -> "\"crmCustomerId\":\"C-" + (1000 + i % 5000) + "\"";
            case "create-sales-order" -> "\"erpOrderId\":\"SO-" + (500_000 + i) + "\"";
            case "create-invoice" -> "\"invoiceId\":\"INV-" + (700_000 + i) + "\"";
            case "create-shipment" -> "\"shipmentId\":\"SH-" + (300_000 + i) + "\",\"trackingNumber\":\"NF" + (10_000_000 + i) + "PT\"";
            default -> null;
        };
    }

    private static String stepDetail(String step, int i) {
        String ref = stepRef(step, i);
        return ref == null ? "Done." : "Done: " + ref.replace("\"", "").replace(":", " ");
    }
}
