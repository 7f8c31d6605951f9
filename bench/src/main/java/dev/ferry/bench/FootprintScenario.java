package dev.ferry.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Scenario 6: from process start to ready, memory when idle and under load. */
final class FootprintScenario {

    static final double READY_GOAL_SECONDS = 8;
    // the goal is 500 MB (10^6 bytes); /proc reports KiB
    static final double IDLE_RSS_GOAL_MIB = 500e6 / (1024 * 1024);

    record Start(double readySeconds, double cpuSecondsToReady) {
    }

    record Idle(List<Start> starts, double idleRssMiB) {
        double medianReady() {
            List<Double> sorted = starts.stream().map(Start::readySeconds).sorted().toList();
            return sorted.get(sorted.size() / 2);
        }
    }

    private FootprintScenario() {
    }

    /** Starts a fresh Ferry a few times (each on a new data directory); the last one then idles. */
    static Idle measure(Settings settings, Sandbox sandbox) throws Exception {
        int starts = settings.smoke() ? 1 : 3;
        List<Start> measured = new ArrayList<>();
        double idleRss = 0;
        for (int i = 1; i <= starts; i++) {
            try (Ferry ferry = Ferry.start(settings, sandbox, "ferry-start-" + i)) {
                measured.add(new Start(ferry.readySeconds(), ferry.process().cpuSeconds()));
                if (i == starts) {
                    Http.pause(Duration.ofSeconds(settings.idleSeconds()));
                    idleRss = ferry.process().rssMiB();
                }
            }
        }
        return new Idle(measured, idleRss);
    }

    static void report(Settings settings, Idle idle, double rssUnderLoadMiB, Report report) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < idle.starts().size(); i++) {
            Start start = idle.starts().get(i);
            rows.add(List.of("start " + (i + 1), Report.f(start.readySeconds(), 2),
                    Report.f(start.cpuSecondsToReady(), 1)));
        }
        report.section("6. Footprint")
                .text("Ferry started as in scenario 3 (`java " + String.join(" ", settings.ferryJvm())
                        + " -jar target/ferry.jar`, embedded profile, a fresh data directory each time): seconds from"
                        + " the process start to `/actuator/health/readiness` answering 200 (polled every 25 ms), and"
                        + " the CPU seconds the JVM had used by then. Idle RSS: VmRSS after " + settings.idleSeconds()
                        + " s with nothing to do. Under load: the largest VmRSS seen during scenario 3's saturated"
                        + " run.")
                .command("bench/run --only footprint,end-to-end")
                .table(List.of("start", "ready s", "CPU s until ready"), rows)
                .table(List.of("figure", "value"), List.of(
                        List.of("ready, median", Report.f(idle.medianReady(), 2) + " s"),
                        List.of("idle RSS", Report.f(idle.idleRssMiB(), 0) + " MiB"),
                        List.of("RSS under load", rssUnderLoadMiB > 0 ? Report.f(rssUnderLoadMiB, 0) + " MiB" : "not run")));
        report.target("ready", "≤ 8 s", Report.f(idle.medianReady(), 2) + " s (median of " + idle.starts().size() + ")",
                idle.medianReady() <= READY_GOAL_SECONDS);
        report.target("idle RSS", "≤ 500 MB", Report.f(idle.idleRssMiB(), 0) + " MiB = " + Report.f(idle.idleRssMiB() * 1.048576, 0) + " MB",
                idle.idleRssMiB() <= IDLE_RSS_GOAL_MIB);
    }
}
