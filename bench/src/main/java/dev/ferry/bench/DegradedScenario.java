package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Scenario 4: a fifth of the downstream calls fail (503, 429, connection reset); nothing may be created twice. */
final class DegradedScenario {

    static final double FAULT_RATE = 0.2;
    private static final int SATURATING_RATE = 500;

    private DegradedScenario() {
    }

    static void run(Settings settings, double healthyThroughput, Report report) throws Exception {
        try (Sandbox sandbox = Sandbox.start(settings, "sandbox-degraded", FAULT_RATE);
                Ferry ferry = Ferry.start(settings, sandbox, "ferry-degraded")) {
            OpenLoop load = new OpenLoop();
            Batch batch;
            try {
                batch = Batch.run(ferry, sandbox, load, "degraded", settings.degradedOrders(),
                        settings.smoke() ? 40 : SATURATING_RATE, 1_000);
            } finally {
                load.close();
            }
            JsonNode stats = sandbox.stats();
            List<List<String>> created = new ArrayList<>();
            long duplicates = 0;
            for (String records : List.of("sales-orders", "invoices", "shipments")) {
                Map<String, Integer> byReference = new HashMap<>();
                JsonNode all = sandbox.records(records);
                all.forEach(record -> byReference.merge(record.path("reference").asText("?"), 1, Integer::sum));
                long twice = byReference.values().stream().filter(n -> n > 1).count();
                duplicates += twice;
                created.add(List.of(records, Integer.toString(all.size()), Integer.toString(byReference.size()),
                        Long.toString(twice)));
            }
            String callsPerOrder = "n/a (this sandbox has no /stats)";
            String faults = "n/a";
            if (stats != null) {
                long calls = 0;
                for (JsonNode n : stats.path("requests")) {
                    calls += n.asLong();
                }
                callsPerOrder = Report.f((double) calls / batch.orders(), 2) + " (healthy: 5)";
                faults = stats.path("faults").toString();
            }
            report.section("4. Degraded downstream")
                    .text("A sandbox of its own whose four APIs fail " + Report.f(FAULT_RATE * 100, 0) + " % of calls"
                            + " (seeded; split between 503, 429 with Retry-After: 1 and a connection reset after the"
                            + " record was made, so the answer is lost — `ferry.sandbox.faults.*`, docs/sandbox.md),"
                            + " and a fresh Ferry with its default retry settings (5 attempts, 1 s doubling, jitter)."
                            + " " + settings.degradedOrders() + " orders offered at " + (settings.smoke() ? 40
                                    : SATURATING_RATE) + "/s. Goodput: orders COMPLETED per second from the first"
                            + " order due to the last one settled; drain: from the last order posted to the last one"
                            + " settled. Duplicates: references with more than one record in the sandbox.")
                    .command("bench/run --only degraded")
                    .table(List.of("figure", "value"), List.of(
                            List.of("orders", Integer.toString(batch.orders())),
                            List.of("completed / flagged", batch.completed() + " / " + batch.flagged()),
                            List.of("goodput", Report.f(batch.completed() / batch.secondsToSettle(), 1)
                                    + " orders/s (healthy, scenario 3: " + Report.f(healthyThroughput, 1) + ")"),
                            List.of("downstream calls per order", callsPerOrder),
                            List.of("faults injected", faults),
                            List.of("time to drain the backlog", Report.f(batch.drainSeconds(), 1) + " s"),
                            List.of("Ferry CPU ms per order", Report.f(batch.ferryCpuMsPerOrder(), 2)),
                            List.of("202 → COMPLETED p50 / p99", Report.f(batch.completion().p(50), 0) + " / "
                                    + Report.f(batch.completion().p(99), 0) + " ms"),
                            List.of("**duplicates**", "**" + duplicates + "**")))
                    .table(List.of("records", "records", "distinct references", "references with more than one"),
                            created);
            report.target("duplicates under faults", "0", Long.toString(duplicates), duplicates == 0);
        }
    }
}
