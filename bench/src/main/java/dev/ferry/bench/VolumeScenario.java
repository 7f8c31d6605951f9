package dev.ferry.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 7: cost as volume grows. Batches of 1k, 10k and 100k orders in a row on one Ferry (so 1k, 11k and
 * 111k stored), each at the same rate below saturation; per batch the cost per order, and after it the time the
 * list, search and inbox queries take with that many orders stored.
 */
final class VolumeScenario {

    private static final int FLAG_EVERY = 50;
    private static final int QUERY_REPEATS = 20;
    private static final double SHARE_OF_SATURATION = 0.8;

    private VolumeScenario() {
    }

    static void run(Settings settings, Sandbox sandbox, double saturatedThroughput, Report report) throws Exception {
        double rate = Math.max(5, Math.floor(SHARE_OF_SATURATION * saturatedThroughput));
        List<List<String>> costs = new ArrayList<>();
        List<List<String>> queries = new ArrayList<>();
        List<String> queryNames = new ArrayList<>();
        sandbox.reset();
        OpenLoop load = new OpenLoop();
        try (Ferry ferry = Ferry.start(settings, sandbox, "ferry-volume")) {
            long stored = 0;
            for (int size : settings.volumeBatches()) {
                Batch batch = Batch.run(ferry, sandbox, load, "volume-" + size, size, rate, 1_000, FLAG_EVERY);
                stored += size;
                costs.add(List.of(String.format("%,d", size), String.format("%,d", stored),
                        Report.f(batch.throughput(), 1), Report.f(batch.ferryCpuMsPerOrder(), 2),
                        Report.f((double) batch.databaseBytesAdded() / size, 0),
                        Report.f(batch.intake().p(99), 1), Report.f(batch.completion().p(50), 0),
                        Report.f(batch.completion().p(99), 0), Long.toString(batch.flagged())));
                Map<String, double[]> timings = timeQueries(ferry, batch, stored);
                if (queryNames.isEmpty()) {
                    queryNames.addAll(timings.keySet());
                }
                List<String> row = new ArrayList<>(List.of(String.format("%,d", stored)));
                timings.values().forEach(t -> row.add(Report.f(t[0], 1) + " / " + Report.f(t[1], 1)));
                queries.add(row);
            }
        } finally {
            load.close();
        }
        List<String> headers = new ArrayList<>(List.of("orders stored"));
        headers.addAll(queryNames);
        report.section("7. Cost as volume grows")
                .text("One Ferry, batches in a row, each offered at " + Report.f(rate, 0) + " orders/s ("
                        + Report.f(SHARE_OF_SATURATION * 100, 0) + " % of scenario 3's saturated throughput) and"
                        + " waited for until settled; every " + FLAG_EVERY + "th order names customer C-404, which"
                        + " the CRM does not know, so the inbox fills too. Database bytes: growth of the H2 files"
                        + " over the batch / orders. Latency from the 202 to `COMPLETED` of a sample of 1,000.")
                .command("bench/run --only volume")
                .table(List.of("batch", "stored after", "settled/s", "Ferry CPU ms/order", "DB bytes/order",
                        "intake p99 ms", "202 → COMPLETED p50 ms", "p99 ms", "flagged"), costs)
                .text("Queries after each batch, through the API with the ops key: median / max of "
                        + QUERY_REPEATS + " calls in a row, ms (client-side, one at a time).")
                .table(headers, queries);
    }

    private static Map<String, double[]> timeQueries(Ferry ferry, Batch batch, long stored) {
        String anOrder = batch.intake().accepted().get(batch.intake().accepted().size() / 2).orderId();
        long deepPage = Math.max(0, stored / 20 / 2);
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("orders, newest 20", "/api/orders?page=0&size=20");
        paths.put("orders COMPLETED", "/api/orders?status=COMPLETED&page=0&size=20");
        paths.put("orders FLAGGED", "/api/orders?status=FLAGGED&page=0&size=20");
        paths.put("orders, page in the middle", "/api/orders?source=bench&page=" + deepPage + "&size=20");
        paths.put("one order", "/api/orders/" + anOrder);
        paths.put("inbox OPEN", "/api/exceptions?status=OPEN&page=0&size=20");
        paths.put("inbox by category", "/api/exceptions?status=OPEN&category=DOWNSTREAM_REJECTED&page=0&size=20");
        paths.put("inbox search", "/api/exceptions?q=volume-" + batch.orders() + "-49&page=0&size=20");
        Map<String, double[]> timings = new LinkedHashMap<>();
        paths.forEach((name, path) -> timings.put(name, time(ferry.uri(path))));
        return timings;
    }

    private static double[] time(URI uri) {
        double[] millis = new double[QUERY_REPEATS];
        for (int i = 0; i < QUERY_REPEATS; i++) {
            long start = System.nanoTime();
            var response = Http.get(uri, Ferry.OPS_KEY);
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        }
        Arrays.sort(millis);
        return new double[] {millis[QUERY_REPEATS / 2], millis[QUERY_REPEATS - 1]};
    }
}
