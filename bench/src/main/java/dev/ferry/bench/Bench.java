package dev.ferry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The one-command benchmark (bench/run): Ferry against the limit of this machine, every scenario of
 * bench/README.md, results as Markdown. Each Ferry and the sandbox run as processes of their own; this JVM only
 * drives the load and measures.
 */
public final class Bench {

    static final List<String> SCENARIOS = List.of("limit", "footprint", "end-to-end", "peer", "intake",
            "degraded", "volume", "cost", "bots", "stores");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = false;
        Set<String> only = new LinkedHashSet<>(SCENARIOS);
        Path out = null;
        List<Integer> volume = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke" -> smoke = true;
                case "--only" -> only = scenarios(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--volume" -> volume = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --smoke, --only " + String.join(",", SCENARIOS) + ", --volume 1000,10000,100000,"
                        + " --out FILE");
            }
        }
        boolean complete = !smoke && only.size() == SCENARIOS.size() && volume == null;
        if (out == null) {
            out = complete ? Path.of("bench", "RESULTS.md")
                    : Path.of("bench", "out", smoke ? "RESULTS-smoke.md" : "RESULTS-partial.md");
        }
        Path work = Path.of("target", "bench", "work").toAbsolutePath();
        deleteTree(work);
        Path jar = Path.of("target", "ferry-cds", "ferry.jar").toAbsolutePath();
        Settings settings = smoke ? Settings.smoke(jar, work, work.resolve("logs"))
                : Settings.full(jar, work, work.resolve("logs"));
        if (volume != null) {
            settings = settings.withVolumeBatches(volume);
        }
        String command = "bench/run" + (args.length == 0 ? "" : " " + String.join(" ", args));
        Machine before = Machine.now();
        long started = System.nanoTime();
        Report report = new Report();
        run(settings, only, report);
        Machine after = Machine.now();
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.markdown(Machine.header(command, before, after,
                (System.nanoTime() - started) / 60e9, smoke)) + keptByHand(out));
        System.out.println("bench: results written to " + out);
        deleteTree(work.resolve("ferry-volume"));
    }

    /**
     * What follows {@link #KEPT} in the results file: figures a scenario cannot take in one run (two builds of Ferry
     * compared, bench/README.md), written by hand with the commands that made them, and kept by the next run.
     */
    private static String keptByHand(Path out) throws IOException {
        if (!Files.exists(out)) {
            return "";
        }
        String old = Files.readString(out);
        int at = old.indexOf(KEPT);
        return at < 0 ? "" : "\n" + old.substring(at);
    }

    static final String KEPT = "<!-- bench/run keeps what follows: figures written by hand -->";

    private static void run(Settings settings, Set<String> only, Report report) throws Exception {
        // before anything else: a full run that cannot install Node-RED fails now, not after an hour
        NodeRed.Missing peerMissing = only.contains("peer") ? PeerScenario.install(settings) : null;
        // bots and stores start what they need themselves
        if (only.stream().allMatch(name -> name.equals("bots") || name.equals("stores"))) {
            runOwn(settings, only, report);
            return;
        }
        try (Sandbox sandbox = Sandbox.start(settings, "sandbox", 0)) {
            LimitScenario.Limit limit = null;
            // the peer's table gives both systems as a ratio to L
            if (only.contains("limit") || only.contains("end-to-end") || only.contains("peer")) {
                log("limit");
                limit = LimitScenario.run(settings, sandbox, report);
            }
            FootprintScenario.Idle idle = null;
            if (only.contains("footprint")) {
                log("footprint");
                idle = FootprintScenario.measure(settings, sandbox);
            }
            double throughput = 0;
            double rssUnderLoad = 0;
            EndToEndScenario.Outcome endToEnd = null;
            if (only.contains("end-to-end") || only.contains("volume") || only.contains("degraded")
                    || only.contains("peer")) {
                log("end to end");
                sandbox.reset();
                try (Ferry ferry = Ferry.start(settings, sandbox, "ferry-e2e")) {
                    endToEnd = EndToEndScenario.run(settings, ferry, sandbox,
                            limit != null ? limit : LimitScenario.run(settings, sandbox, new Report()), report);
                    throughput = endToEnd.throughput();
                    rssUnderLoad = endToEnd.maxRssMiB();
                }
            }
            if (only.contains("peer")) {
                log("peer");
                PeerScenario.run(settings, sandbox, limit, endToEnd, peerMissing, report);
            }
            if (idle != null) {
                FootprintScenario.report(settings, idle, rssUnderLoad, report);
            }
            if (only.contains("intake")) {
                log("intake");
                sandbox.reset();
                IntakeScenario.run(settings, sandbox, report);
            }
            if (only.contains("degraded")) {
                log("degraded");
                DegradedScenario.run(settings, throughput, endToEnd != null ? endToEnd.cpuMsPerOrder() : 0, report);
            }
            if (only.contains("volume")) {
                log("volume");
                VolumeScenario.run(settings, sandbox, throughput, report);
            }
            if (only.contains("cost")) {
                log("cost");
                sandbox.reset();
                CostScenario.run(settings, sandbox, report);
            }
        }
        runOwn(settings, only, report);
    }

    private static void runOwn(Settings settings, Set<String> only, Report report) throws Exception {
        if (only.contains("bots")) {
            log("bots");
            BotsScenario.run(settings, report);
        }
        if (only.contains("stores")) {
            log("stores");
            StoresScenario.run(settings, report);
        }
    }

    private static Set<String> scenarios(String list) {
        Set<String> chosen = new LinkedHashSet<>(Arrays.asList(list.split(",")));
        for (String name : chosen) {
            if (!SCENARIOS.contains(name)) {
                throw new IllegalArgumentException("no scenario " + name + "; there are " + SCENARIOS);
            }
        }
        return chosen;
    }

    static void log(String scenario) {
        System.out.println("bench: " + DateTimeFormatter.ISO_LOCAL_TIME.format(Instant.now().atOffset(ZoneOffset.UTC))
                .substring(0, 8) + " " + scenario);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
