package dev.ferry.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Scenario 6: from process start to ready, memory when idle and under load. */
final class FootprintScenario {

    static final double READY_GOAL_SECONDS = 4;
    static final double READY_CPU_GOAL_SECONDS = 8;
    static final double IDLE_RSS_GOAL_MIB = 300;
    static final double LOAD_RSS_GOAL_MIB = 600;
    // as the cost scenario records: an execution sample every 5 ms
    private static final String RECORDING = "-XX:StartFlightRecording:name=bench,settings=profile,"
            + "jdk.ExecutionSample#period=5ms";

    record Start(double readySeconds, double cpuSecondsToReady) {
    }

    /** The starts, the idle RSS of the last, and the CPU ms until ready of a profiled start by where it went. */
    record Idle(List<Start> starts, double idleRssMiB, Map<String, Double> profileMs) {
        double medianReady() {
            return median(starts.stream().map(Start::readySeconds).toList());
        }

        double medianCpu() {
            return median(starts.stream().map(Start::cpuSecondsToReady).toList());
        }

        private static double median(List<Double> values) {
            return values.stream().sorted().toList().get(values.size() / 2);
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
        return new Idle(measured, idleRss, profile(settings, sandbox));
    }

    /**
     * One more start with a JFR recording, which costs CPU of its own, so its figures are not in the starts' table:
     * the CPU of every thread until ready, the JVM's own threads (JIT, GC) by name, the rest by the samples of each
     * thread (CpuProfile, as the cost scenario splits an order's CPU).
     */
    private static Map<String, Double> profile(Settings settings, Sandbox sandbox) throws Exception {
        List<String> jvm = new ArrayList<>(settings.ferryJvm());
        jvm.add(RECORDING);
        Instant launched = Instant.now();
        try (Ferry ferry = Ferry.start(settings, sandbox, "ferry-start-profiled", jvm, List.of())) {
            Instant ready = Instant.now();
            Map<Long, CpuProfile.ThreadCpu> threads = CpuProfile.threads(ferry.process().pid());
            double processMs = ferry.process().cpuSeconds() * 1000;
            Path recording = settings.work().resolve("ferry-start-profiled.jfr");
            CpuProfile.dump(ferry.process().pid(), recording);
            CpuProfile.Window window = new CpuProfile.Window(launched, ready);
            CpuProfile.read(recording, ferry.dataDir(), List.of(window));
            return window.cpuMs(Map.of(), threads, processMs);
        }
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
        double total = idle.profileMs().values().stream().mapToDouble(Double::doubleValue).sum();
        List<List<String>> profile = new ArrayList<>();
        idle.profileMs().forEach((row, ms) -> {
            if (ms >= 5) {
                profile.add(List.of(row, Report.f(ms / 1000, 2), Report.f(100 * ms / total, 1) + " %"));
            }
        });
        profile.add(List.of("all", Report.f(total / 1000, 2), "100 %"));
        report.text("Start-up profile: one more start, with a JFR recording (execution samples every 5 ms; the recording"
                        + " costs CPU of its own, so this start is not in the table above). The CPU each thread used"
                        + " until ready: the JVM's threads by their names, Java threads split by their samples, each"
                        + " sample counted for the first component (CpuProfile) among its frames from the top.")
                .table(List.of("where", "CPU s until ready", "share"), profile);
        report.target("ready", "≤ " + Report.f(READY_GOAL_SECONDS, 0) + " s", Report.f(idle.medianReady(), 2)
                + " s (median of " + idle.starts().size() + ")", idle.medianReady() <= READY_GOAL_SECONDS);
        report.target("CPU until ready", "≤ " + Report.f(READY_CPU_GOAL_SECONDS, 0) + " s", Report.f(idle.medianCpu(), 1)
                + " s (median of " + idle.starts().size() + ")", idle.medianCpu() <= READY_CPU_GOAL_SECONDS);
        report.target("idle RSS", "≤ " + Report.f(IDLE_RSS_GOAL_MIB, 0) + " MiB", Report.f(idle.idleRssMiB(), 0) + " MiB",
                idle.idleRssMiB() <= IDLE_RSS_GOAL_MIB);
        if (rssUnderLoadMiB > 0) {
            report.target("RSS under load", "≤ " + Report.f(LOAD_RSS_GOAL_MIB, 0) + " MiB",
                    Report.f(rssUnderLoadMiB, 0) + " MiB", rssUnderLoadMiB <= LOAD_RSS_GOAL_MIB);
        }
    }
}
