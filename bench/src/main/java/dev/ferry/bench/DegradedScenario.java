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

    static final double GOAL_CPU_RATIO = 1.5;

    /**
     * @param healthyCpu Ferry's CPU per order at saturation in scenario 3 of the same run (0 when it did not run);
     *                   this Ferry is warmed up with as many orders as that one, so the JIT's warm-up is in neither
     */
    static void run(Settings settings, double healthyThroughput, double healthyCpu, Report report) throws Exception {
        try (Sandbox sandbox = Sandbox.start(settings, "sandbox-degraded", FAULT_RATE);
                Ferry ferry = Ferry.start(settings, sandbox, "ferry-degraded")) {
            OpenLoop load = new OpenLoop();
            Batch batch;
            int warmUp = EndToEndScenario.warmUpOrders(settings);
            try {
                Batch.run(ferry, sandbox, load, "degraded-warm", warmUp, EndToEndScenario.warmUpRate(warmUp), 0);
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
            double cpuPerCompleted = batch.ferryCpuMsPerOrder() * batch.orders() / Math.max(1, batch.completed());
            String callsPerOrder = "n/a (this sandbox has no /stats)";
            String faults = "n/a";
            if (stats != null) {
                long calls = 0;
                for (JsonNode n : stats.path("requests")) {
                    calls += n.asLong();
                }
                callsPerOrder = Report.f((double) calls / (warmUp + batch.orders()), 2) + " (healthy: 5)";
                faults = stats.path("faults").toString();
            }
            report.section("4. Degraded downstream")
                    .text("A sandbox of its own whose four APIs fail " + Report.f(FAULT_RATE * 100, 0) + " % of calls"
                            + " (seeded; split between 503, 429 with Retry-After: 1 and a connection reset after the"
                            + " record was made, so the answer is lost — `ferry.sandbox.faults.*`, docs/sandbox.md),"
                            + " and a fresh Ferry with its default retry settings (5 attempts, 1 s doubling, jitter),"
                            + " warmed up with " + warmUp + " orders at up to "
                            + Report.f(EndToEndScenario.warmUpRate(warmUp), 0) + "/s as scenario 3's Ferry is (faults"
                            + " and retries included; calls per order and faults count them too); then "
                            + settings.degradedOrders() + " orders offered at " + (settings.smoke() ? 40
                                    : SATURATING_RATE) + "/s. Goodput: orders COMPLETED per second from the first"
                            + " order due to the last one settled; drain: from the last order posted to the last one"
                            + " settled. CPU per completed order: Ferry's JVM over the batch, divided by the orders"
                            + " it completed; against scenario 3's at saturation in the same run. Duplicates:"
                            + " references with more than one record in the sandbox, warm-up included.")
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
                            List.of("Ferry CPU ms per completed order", Report.f(cpuPerCompleted, 2)
                                    + (healthyCpu > 0 ? " = " + Report.f(cpuPerCompleted / healthyCpu, 2)
                                            + " × healthy (scenario 3: " + Report.f(healthyCpu, 2) + ")" : "")),
                            List.of("202 → COMPLETED p50 / p99", Report.f(batch.completion().p(50), 0) + " / "
                                    + Report.f(batch.completion().p(99), 0) + " ms"),
                            List.of("**duplicates**", "**" + duplicates + "**")))
                    .table(List.of("records", "records", "distinct references", "references with more than one"),
                            created);
            report.target("duplicates under faults", "0", Long.toString(duplicates), duplicates == 0);
            if (healthyCpu > 0) {
                report.target("CPU per completed order under faults", "≤ " + GOAL_CPU_RATIO + " × healthy",
                        Report.f(cpuPerCompleted / healthyCpu, 2) + " × (" + Report.f(cpuPerCompleted, 2) + " vs "
                                + Report.f(healthyCpu, 2) + " ms)", cpuPerCompleted / healthyCpu <= GOAL_CPU_RATIO);
            }
        }
    }
}
