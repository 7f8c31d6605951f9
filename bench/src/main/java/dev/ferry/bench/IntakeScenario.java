package dev.ferry.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 2: how fast intake answers. Ferry's fulfilment consumers are off, so the figure is intake's own
 * (validate, store, durably enqueue, answer 202); scenario 3 shows intake and fulfilment sharing the machine.
 */
final class IntakeScenario {

    static final double P99_GOAL_MS = 20;
    static final int REFERENCE_RATE = 1000;
    static final int GOAL_RATE = 500;
    static final double CPU_GOAL_MS = 1.5;

    private IntakeScenario() {
    }

    static void run(Settings settings, Sandbox sandbox, Report report) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        int best = 0;
        OpenLoop.Result atReference = null;
        OpenLoop.Result atGoal = null;
        double cpuAtGoal = 0;
        OpenLoop load = new OpenLoop();
        try (Ferry ferry = Ferry.start(settings, sandbox, "ferry-intake", "--ferry.fulfilment.auto-start=false")) {
            // as long a warm-up as scenario 3's: the JIT compilers otherwise work through the first rates
            int warmUp = settings.smoke() ? 20 : EndToEndScenario.warmUpOrders(settings);
            load.post(ferry.uri("/api/orders"), "intake-warm", warmUp, Math.min(300, warmUp));
            for (int rate : settings.intakeRates()) {
                double cpuBefore = ferry.process().cpuSeconds();
                OpenLoop.Result result = load.post(ferry.uri("/api/orders"), "intake-" + rate,
                        rate * settings.intakeStepSeconds(), rate);
                double cpuMsPerOrder = (ferry.process().cpuSeconds() - cpuBefore) * 1000 / result.offered();
                boolean allAccepted = result.accepted202() == result.offered();
                if (allAccepted && result.p(99) <= P99_GOAL_MS) {
                    best = Math.max(best, rate);
                }
                if (rate == REFERENCE_RATE) {
                    atReference = result;
                }
                if (rate == GOAL_RATE) {
                    atGoal = result;
                    cpuAtGoal = cpuMsPerOrder;
                }
                rows.add(List.of(Integer.toString(rate), Integer.toString(result.offered()),
                        result.outcomes().toString(), Report.f(result.p(50), 1), Report.f(result.p(99), 1),
                        Report.f(result.p(99.9), 1), Report.f(result.max(), 1), Report.f(result.sendLagMaxMillis(), 1),
                        Report.f(cpuMsPerOrder, 2)));
            }
        } finally {
            load.close();
        }
        report.section("2. Intake")
                .text("Open loop: orders are due at a constant rate whatever the answers do, and each latency counts"
                        + " from when the order was due (no coordinated omission); HdrHistogram. Each rate for "
                        + settings.intakeStepSeconds() + " s, one after another on the same Ferry, after a warm-up"
                        + " of " + (settings.smoke() ? 20 : EndToEndScenario.warmUpOrders(settings)) + " orders at"
                        + " 300/s."
                        + " Fulfilment is off (`--ferry.fulfilment.auto-start=false`): this is intake alone — JSON"
                        + " and schema checks, the order row, the persistent enqueue, the 202. The load generator runs"
                        + " on the same cores. \"send lag\" is how late the generator itself sent an order.")
                .command("bench/run --only intake")
                .table(List.of("offered/s", "orders", "answers", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
                        "send lag max ms", "Ferry CPU ms/order"), rows)
                .text("Highest offered rate with every order 202 and p99 ≤ " + Report.f(P99_GOAL_MS, 0) + " ms: **"
                        + (best == 0 ? "none of those tried" : best + " orders/s") + "**.");
        if (atGoal != null) {
            report.target("intake at " + GOAL_RATE + " orders/s: CPU per order and p99", "≤ "
                    + Report.f(CPU_GOAL_MS, 1) + " ms, ≤ 20 ms", Report.f(cpuAtGoal, 2) + " ms CPU, p99 "
                    + Report.f(atGoal.p(99), 1) + " ms", cpuAtGoal <= CPU_GOAL_MS && atGoal.p(99) <= P99_GOAL_MS
                    && atGoal.accepted202() == atGoal.offered());
        }
        if (atReference != null) {
            report.target("intake p99 at " + REFERENCE_RATE + " orders/s", "≤ 20 ms",
                    Report.f(atReference.p(99), 1) + " ms (p50 " + Report.f(atReference.p(50), 1) + ", max "
                            + Report.f(atReference.max(), 1) + ")",
                    atReference.p(99) <= P99_GOAL_MS && atReference.accepted202() == atReference.offered());
        }
    }
}
