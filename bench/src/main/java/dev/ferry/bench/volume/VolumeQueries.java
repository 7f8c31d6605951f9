package dev.ferry.bench.volume;

import dev.ferry.inbox.FlagCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the bench times: every read Ferry makes over orders, journal and inbox, called through Ferry's own
 * classes with the arguments the API, the pages and the background jobs give them.
 */
final class VolumeQueries {

    record Query(String name, String what, Runnable call) {
    }

    private VolumeQueries() {
    }

    static List<Query> all(Ferry ferry, JdbcClient jdbc, int n) {
        Object orders = ferry.bean("dev.ferry.orders.OrderQueries");
        Object store = ferry.bean("dev.ferry.orders.OrderStore");
        Object inbox = ferry.bean("dev.ferry.inbox.InboxQueries");
        Object inboxStore = ferry.bean("dev.ferry.inbox.InboxStore");
        Object metrics = ferry.bean("dev.ferry.orders.OrderMetrics");
        Object stalled = Ferry.create("dev.ferry.routing.StalledOrders", jdbc, null, Duration.ofMinutes(30));
        int last = (n - 1) / 20;
        String someOrder = VolumeData.orderId(n / 3).toString();
        String openException = jdbc.sql("SELECT id FROM exceptions WHERE status = 'OPEN' AND order_id IS NOT NULL"
                + " ORDER BY created_at LIMIT 1").query(String.class).single();
        List<Query> queries = new ArrayList<>();
        queries.add(new Query("orders-newest", "GET /api/orders (page 0, size 20)",
                () -> Ferry.call(orders, "page", null, null, 0, 20)));
        queries.add(new Query("orders-completed", "GET /api/orders?status=COMPLETED",
                () -> Ferry.call(orders, "page", status("COMPLETED"), null, 0, 20)));
        queries.add(new Query("orders-flagged", "GET /api/orders?status=FLAGGED",
                () -> Ferry.call(orders, "page", status("FLAGGED"), null, 0, 20)));
        queries.add(new Query("orders-source", "GET /api/orders?source=marketplace",
                () -> Ferry.call(orders, "page", null, List.of("marketplace"), 0, 20)));
        queries.add(new Query("orders-status-source", "GET /api/orders?status=COMPLETED&source=crm",
                () -> Ferry.call(orders, "page", status("COMPLETED"), List.of("crm"), 0, 20)));
        queries.add(new Query("orders-middle-page", "GET /api/orders?page=" + last / 2 + " (middle)",
                () -> Ferry.call(orders, "page", null, null, last / 2, 20)));
        queries.add(new Query("orders-last-page", "GET /api/orders?page=" + last + " (last)",
                () -> Ferry.call(orders, "page", null, null, last, 20)));
        queries.add(new Query("order-by-id", "GET /api/orders/{id}, /orders/{id}",
                () -> Ferry.call(orders, "find", someOrder)));
        queries.add(new Query("inbox-open", "GET /api/exceptions?status=OPEN, /inbox list",
                () -> Ferry.call(inbox, "page", filter("OPEN", null, null, null), 0, 20)));
        queries.add(new Query("inbox-any-status", "GET /api/exceptions (any status)",
                () -> Ferry.call(inbox, "page", filter(null, null, null, null), 0, 20)));
        queries.add(new Query("inbox-resolved", "GET /api/exceptions?status=RESOLVED",
                () -> Ferry.call(inbox, "page", filter("RESOLVED", null, null, null), 0, 20)));
        queries.add(new Query("inbox-category", "/inbox?category=VALIDATION",
                () -> Ferry.call(inbox, "page", filter("OPEN", "VALIDATION", null, null), 0, 20)));
        queries.add(new Query("inbox-source", "/inbox?source=crm",
                () -> Ferry.call(inbox, "page", filter("OPEN", null, "crm", null), 0, 20)));
        queries.add(new Query("inbox-search-open", "/inbox?q=lima (waiting)",
                () -> Ferry.call(inbox, "page", filter("OPEN", null, null, "lima"), 0, 20)));
        queries.add(new Query("inbox-search-all", "/inbox?status=ALL&q=" + VolumeData.externalId(n / 2 + 7),
                () -> Ferry.call(inbox, "page", filter(null, null, null, VolumeData.externalId(n / 2 + 7)), 0, 20)));
        queries.add(new Query("inbox-last-page", "GET /api/exceptions?status=RESOLVED (last page)",
                () -> Ferry.call(inbox, "page", filter("RESOLVED", null, null, null), Math.max(0, n / 50 * 7 / 10 / 20 - 1), 20)));
        queries.add(new Query("inbox-counts", "GET /api/exceptions/counts, /inbox counts",
                () -> Ferry.call(inbox, "counts")));
        queries.add(new Query("inbox-detail", "GET /api/exceptions/{id}, /inbox/{id}",
                () -> Ferry.call(inbox, "detail", openException)));
        queries.add(new Query("inbox-bulk-select", "POST /api/exceptions/replay {category}",
                () -> Ferry.call(inbox, "openIds", filter("OPEN", "DOWNSTREAM_REJECTED", null, null), 1000)));
        queries.add(new Query("inbox-gauge", "ferry.inbox.open gauge (every 15 s)",
                () -> Ferry.call(inboxStore, "openByCategory")));
        queries.add(new Query("orders-gauge", "ferry.orders gauge (every 15 s)",
                () -> Ferry.call(metrics, "refresh")));
        queries.add(new Query("stall-check", "stall check (every stall-check-every)",
                () -> Ferry.call(stalled, "flagStalled")));
        queries.add(new Query("republisher", "re-publisher: unqueued + abandoned",
                () -> {
                    Ferry.call(store, "unqueued", Instant.now().minusSeconds(60), 500);
                    Ferry.call(store, "abandoned", Instant.now(), 500);
                }));
        queries.add(new Query("claim", "claim (per order and retry)",
                () -> Ferry.call(store, "claim", someOrder, "bench", Instant.now().plusSeconds(300))));
        queries.add(new Query("release-claims", "releaseClaims (node start)",
                () -> Ferry.call(store, "releaseClaims", "bench-node")));
        queries.add(new Query("intake-duplicate", "intake duplicate checks (per order)",
                () -> {
                    Ferry.call(store, "findBySourceAndExternalId", "webshop", VolumeData.externalId(n / 2));
                    Ferry.call(store, "findByIdempotencyKey", "no-such-key");
                }));
        queries.add(new Query("open-exception-ids", "orders' exceptionId lookup (20 ids)",
                () -> Ferry.call(inboxStore, "openExceptionIds", twentyIds(n))));
        return queries;
    }

    private static Object status(String name) {
        return Ferry.constant("dev.ferry.orders.OrderStatus", name);
    }

    private static Object filter(String status, String category, String source, String q) {
        return Ferry.create("dev.ferry.inbox.InboxFilter", Ferry.constant("dev.ferry.inbox.ExceptionStatus", status),
                Ferry.constant("dev.ferry.inbox.FlagCategory", category), null, source, q);
    }

    private static List<String> twentyIds(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = n - 20; i < n; i++) {
            ids.add(VolumeData.orderId(i).toString());
        }
        return ids;
    }

}
