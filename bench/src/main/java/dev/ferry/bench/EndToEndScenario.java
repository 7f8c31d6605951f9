package dev.ferry.bench;

import java.util.List;

/** Scenario 3: orders all the way through Ferry at saturation, against L; and latency below saturation. */
final class EndToEndScenario {

    static final double GOAL_RATIO = 0.8;
    // far above what one node completes: intake takes them all at once and the queue holds the backlog
    private static final int SATURATING_RATE = 500;
    private static final double STEADY_SHARE = 0.7;

    private EndToEndScenario() {
    }

    /**
     * The saturated batch: its orders and offered rate (the peer gets the same load), throughput in orders/s, the
     * largest RSS seen meanwhile, and Ferry's and the sandbox's CPU per order.
     */
    record Outcome(int orders, double offeredRate, double throughput, double maxRssMiB, double cpuMsPerOrder,
            double sandboxCpuMsPerOrder) {
    }

    static Outcome run(Settings settings, Ferry ferry, Sandbox sandbox, LimitScenario.Limit limit, Report report) {
        OpenLoop load = new OpenLoop();
        try {
            int warmUp = warmUpOrders(settings);
            Batch.run(ferry, sandbox, load, "e2e-warm", warmUp, warmUpRate(warmUp), 0);
            Batch saturated = Batch.run(ferry, sandbox, load, "e2e-sat", settings.endToEndOrders(),
                    settings.smoke() ? 60 : SATURATING_RATE, 1_000);
            double throughput = saturated.throughput();
            double steadyRate = Math.max(1, STEADY_SHARE * throughput);
            int steadyOrders = settings.smoke() ? 20 : (int) (steadyRate * 60);
            Batch steady = Batch.run(ferry, sandbox, load, "e2e-steady", steadyOrders, steadyRate, 1_000);
            double ratio = throughput / limit.combined();
            report.section("3. End to end")
                    .text("Ferry as shipped in the embedded profile (embedded Artemis, H2 file) with its default"
                            + " settings (4 fulfilment consumers), connectors pointed at the sandbox process,"
                            + " warmed up with " + warmUpOrders(settings) + " orders at "
                            + Report.f(warmUpRate(warmUpOrders(settings)), 0) + "/s."
                            + " **Saturation**: " + settings.endToEndOrders() + " orders offered at "
                            + (settings.smoke() ? 60 : SATURATING_RATE) + "/s — more than Ferry completes, so the"
                            + " queue holds a backlog and Ferry works flat out; throughput from the first order due"
                            + " to the last one settled. **Below saturation**: " + STEADY_SHARE * 100
                            + " % of that rate for " + (settings.smoke() ? "a moment" : "60 s") + ". Latency from the"
                            + " 202 to `COMPLETED` (Ferry's `updatedAt`) of a random sample of up to 1,000 orders."
                            + " CPU: Ferry's JVM (/proc/<pid>/stat) over the batch, intake included, divided by the"
                            + " orders; and the same less its JIT compiler threads (/proc/<pid>/task/*/stat), whose"
                            + " work left over from the warm-up varies from run to run.")
                    .command("bench/run --only end-to-end")
                    .table(List.of("run", "orders", "offered/s", "settled/s", "× L", "Ferry CPU ms/order",
                            "… without JIT compilers", "sandbox CPU ms/order", "202 → COMPLETED p50 ms", "p99 ms",
                            "intake p99 ms",
                            "flagged", "max RSS MiB"),
                            List.of(row("saturation", saturated, limit), row("below saturation", steady, limit)))
                    .text("**" + Report.f(throughput, 1) + " orders/s = " + Report.f(ratio, 2) + " × L** (L = "
                            + Report.f(limit.combined(), 1) + "/s). Under saturation the 202 → COMPLETED times are"
                            + " the backlog's wait; below saturation they are the flow's own time.");
            report.target("end to end vs L", "≥ 0.8 × L", Report.f(throughput, 1) + " orders/s = "
                    + Report.f(ratio, 2) + " × L", ratio >= GOAL_RATIO);
            return new Outcome(saturated.orders(), saturated.offeredRate(), throughput, saturated.maxRssMiB(),
                    saturated.ferryCpuMsPerOrder(), saturated.sandboxCpuMsPerOrder());
        } finally {
            load.close();
        }
    }

    /**
     * Orders posted before the measured batches (the peers and the degraded Ferry get the same), at
     * {@link #warmUpRate}. Ferry's JIT compilers are still busy after thousands of orders (a run with 500 showed
     * them compiling through the whole saturated batch, which then cost a third more CPU per order), and a server
     * runs far longer than a bench: 10,000 orders measure what an order costs a node that has been up a while.
     * {@code BENCH_WARM_UP} sets another count for one run.
     */
    static int warmUpOrders(Settings settings) {
        if (settings.smoke()) {
            return 10;
        }
        String count = System.getenv("BENCH_WARM_UP");
        return count == null || count.isBlank() ? 10_000 : Integer.parseInt(count.trim());
    }

    /** Below what one node settles, so the warm-up builds no backlog. */
    static double warmUpRate(int warmUp) {
        return Math.min(150, warmUp);
    }

    static List<String> row(String name, Batch batch, LimitScenario.Limit limit) {
        return List.of(name, Integer.toString(batch.orders()), Report.f(batch.offeredRate(), 1),
                Report.f(batch.throughput(), 1), Report.f(batch.throughput() / limit.combined(), 2),
                Report.f(batch.ferryCpuMsPerOrder(), 2), Report.f(batch.ferryCpuMsPerOrderWithoutJit(), 2),
                Report.f(batch.sandboxCpuMsPerOrder(), 2),
                Report.f(batch.completion().p(50), 0), Report.f(batch.completion().p(99), 0),
                Report.f(batch.intake().p(99), 1), Long.toString(batch.flagged()), Report.f(batch.maxRssMiB(), 0));
    }
}
