package dev.ferry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Scenario 8: what one order costs Ferry — database, broker, JSON and CPU by component — for intake alone and end
 * to end, the difference being fulfilment. Counted inside Ferry's JVM by the bench's probe (bench/probe: counting
 * proxies around the DataSource, the JMS ConnectionFactory and the ObjectMapper, put on Ferry's class path, Ferry's
 * code unchanged), from a JFR recording (file writes and fsyncs, execution samples) and from /proc.
 */
final class CostScenario {

    private static final Path PROBE = Path.of("target", "bench", "probe");
    private static final Pattern PROBE_LINE = Pattern.compile(
            "(?m)^bench_probe_total\\{[^}]*what=\"([^\"]+)\"[^}]*\\}\\s+([0-9.eE+-]+)$");
    private static final String RECORDING = "-XX:StartFlightRecording:name=bench,settings=profile,"
            + "jdk.FileWrite#threshold=0ms,jdk.FileWrite#stackTrace=false,"
            + "jdk.FileForce#threshold=0ms,jdk.FileForce#stackTrace=false,jdk.ExecutionSample#period=5ms";
    private static final String SAMPLE_PERIOD = "5 ms";
    private static final Duration SETTLE_POLL = Duration.ofSeconds(2);
    private static final Duration TAIL = Duration.ofSeconds(2);

    private CostScenario() {
    }

    /** Totals read at one moment. */
    private record Snapshot(Instant at, Map<String, Double> probe, double cpuSeconds,
            Map<Long, CpuProfile.ThreadCpu> threads) {
    }

    /**
     * A row of the tables: the total of {@code key} in the batch's window, less the idle rate of {@code idleKey} (null:
     * nothing taken off) over the window's length.
     */
    private record Row(String label, String key, int decimals, String idleKey) {

        static Row net(String label, String key, int decimals) {
            return new Row(label, key, decimals, key);
        }

        static Row raw(String label, String key, int decimals) {
            return new Row(label, key, decimals, null);
        }

        /** JIT compiling is warm-up, at a stage of its own in each Ferry: no difference of it means anything. */
        boolean warmUp() {
            return key.equals("cpu") || key.equals("cpu:" + CpuProfile.JIT);
        }

        boolean cpu() {
            return key.startsWith("cpu");
        }
    }

    /** One Ferry measured: totals over the batch's window and over an idle window before it. */
    private record Half(String name, int orders, Map<String, Integer> outcomes, long flagged, int polls,
            double seconds, Map<String, Double> window, double idleSeconds, Map<String, Double> idle,
            Map<String, Long> otherPackages, boolean sharing, long endpointMappers) {

        double perOrder(Row row) {
            if (orders == 0) {
                return 0;
            }
            double total = window.getOrDefault(row.key(), 0.0);
            if (row.idleKey() != null) {
                total -= idle.getOrDefault(row.idleKey(), 0.0) * seconds / idleSeconds;
            }
            return total / orders;
        }

        double idlePerSecond(Row row) {
            return idle.getOrDefault(row.key(), 0.0) / idleSeconds;
        }
    }

    static void run(Settings settings, Sandbox sandbox, Report report) throws Exception {
        boolean smoke = settings.smoke();
        // methods run once per order reach the JIT's top tier only after thousands of orders
        int warmUp = smoke ? 10 : envInt("BENCH_COST_WARM_UP", 3_000);
        int orders = smoke ? 20 : envInt("BENCH_COST_ORDERS", 2_000);
        double rate = smoke ? 20 : envInt("BENCH_COST_RATE", 50);
        Duration idle = Duration.ofSeconds(smoke ? 2 : 15);
        Half intake;
        Half endToEnd;
        try (OpenLoop load = new OpenLoop()) {
            intake = half(settings, sandbox, load, "ferry-cost-intake", false, warmUp, orders, rate, idle);
            sandbox.reset();
            endToEnd = half(settings, sandbox, load, "ferry-cost-e2e", true, warmUp, orders, rate, idle);
        }
        List<Row> rows = rows();
        report.section("8. Cost per order")
                .text("Commit measured: `" + Machine.commit() + "`. What one order costs Ferry, counted inside its"
                        + " JVM. Two Ferrys as in scenarios 2 and 3 (embedded profile, connectors at the sandbox"
                        + " process), each with the bench's probe on its class path (bench/probe: a Spring Boot"
                        + " auto-configuration that wraps the DataSource and JMS ConnectionFactory beans in counting"
                        + " proxies and puts a counting copy in place of the ObjectMapper bean; Ferry's code is"
                        + " unchanged) and a JFR recording (`settings=profile`, execution samples every "
                        + SAMPLE_PERIOD + ", every file write and fsync). **Intake**: fulfilment off"
                        + " (`--ferry.fulfilment.auto-start=false`). **End to end**: Ferry's defaults; the window ends"
                        + " when no order is ACCEPTED or IN_PROGRESS (the list API, asked every "
                        + SETTLE_POLL.toSeconds() + " s once the last order is posted). **Fulfilment** = end to end −"
                        + " intake. Each Ferry: " + warmUp + " orders to warm up, posted at "
                        + Report.f(3 * rate, 0) + "/s (end to end: then every one settled), " + Report.f(idle.toSeconds(), 0) + " s idle, then " + orders
                        + " orders offered at " + Report.f(rate, 0) + "/s (open loop, as"
                        + " scenario 2); the window ends " + TAIL.toSeconds() + " s after the last order. Per order ="
                        + " (total in the window − the idle rate × the window's length) / orders accepted, so what the"
                        + " schedules and the store check cost without orders is taken off. Not taken off (marked *):"
                        + " receives that timed out and commits with nothing to commit (idle consumers do one of each"
                        + " a second, busy ones do not); and the JIT compilers: methods run once per order reach C2"
                        + " only after thousands of orders, so the compilers are still at work in the window and their"
                        + " share shrinks the longer Ferry runs. Compare CPU figures without them (the second CPU"
                        + " row); the components' figures come from code that is partly not yet compiled by C2.")
                .text("Database: calls on the DataSource bean (above the pool): SQL statements run, by verb;"
                        + " commits are `Connection.commit()` (Spring's transactions), auto-commit writes are"
                        + " statements other than SELECT run outside a transaction, each committing itself. H2 files:"
                        + " `jdk.FileWrite` and `jdk.FileForce` events on `<data-dir>/db`; Artemis journal: on"
                        + " `<data-dir>/broker`. Broker: calls on the ConnectionFactory bean that Spring's JmsTemplate"
                        + " and Camel's JMS component share (Boot's CachingConnectionFactory): sessions taken from its"
                        + " cache, messages sent and received; a transacted session acknowledges what it received with"
                        + " its commit. JSON: parsers and generators made by, and value ↔ tree conversions of, Ferry's"
                        + " ObjectMapper bean (the one Ferry's classes, Spring MVC and Camel's Jackson type converters"
                        + " use) and the ObjectMappers Camel endpoints keep of their own (" + endToEnd.endpointMappers()
                        + ", Ferry's jsonata endpoints, each given a counting copy as it was added). Not counted: other"
                        + " ObjectMappers, and `JsonNode.toString()` (Jackson's own internal writer).")
                .text("CPU: Ferry's JVM (/proc/<pid>/stat), and each of its threads (/proc/<pid>/task/*/stat):"
                        + " the JVM's own by name (GC: `GC Thread`, `G1 …`; JIT: `C1/C2 CompilerThre`; JFR; VM"
                        + " threads); a thread running Java code has its CPU split in the proportion of its"
                        + " `jdk.ExecutionSample`s, each given to the component of the first frame from the top of its"
                        + " stack that is not `java.*`, `javax.*`, `jdk.*`, `sun.*`, `com.sun.*`. Samples see threads"
                        + " running Java code only, so a thread's time in system calls (socket and file I/O) goes to"
                        + " its components in the proportion of their Java work, and a thread never sampled in the"
                        + " window counts as \"without samples\". The two rows \"inside JDBC calls\" and \"inside JMS"
                        + " calls\" are measured instead: the probe reads the calling thread's CPU clock before and"
                        + " after every call on the DataSource, its connections and statements, and on the JMS"
                        + " ConnectionFactory's connections, sessions, producers and consumers (system calls"
                        + " included; the store's and the broker's own threads not). Percentages are of the CPU"
                        + " without the JIT compilers; the fulfilment table leaves out the rows with them, as each Ferry's compilers"
                        + " were at a stage of their own. The recording and the probe cost CPU of their own (their"
                        + " rows)." + sharingNote(intake, endToEnd)
                        + " The recordings stay in `target/bench/work/` until the next run.")
                .command("bench/run --only cost")
                .text(halfText("Intake", intake))
                .table(List.of("intake", "per order", "% of CPU", "in the window", "idle, per s"),
                        halfRows(intake, rows))
                .text(halfText("End to end", endToEnd))
                .table(List.of("end to end", "per order", "% of CPU", "in the window", "idle, per s"),
                        halfRows(endToEnd, rows))
                .text("**Fulfilment** = end to end − intake, per order.")
                .table(List.of("fulfilment", "per order", "% of CPU"), fulfilmentRows(intake, endToEnd, rows))
                .text("Samples given to \"other\", by package (end to end): " + others(endToEnd) + ".");
    }

    // a longer warm-up or another rate for one run (bench/README.md); the defaults are what the results show
    private static int envInt(String name, int otherwise) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? otherwise : Integer.parseInt(value.trim());
    }

    private static Half half(Settings settings, Sandbox sandbox, OpenLoop load, String name, boolean fulfilment,
            int warmUp, int orders, double rate, Duration idle) throws Exception {
        Path recording = settings.work().resolve(name + ".jfr");
        String[] args = fulfilment ? new String[0] : new String[] {"--ferry.fulfilment.auto-start=false"};
        boolean sharing = true;
        Ferry started;
        try {
            started = start(settings, sandbox, name, true, args);
        } catch (IllegalStateException failed) {
            // the class-data sharing archive would not map with the probe on the class path: without it, and say so
            String log = Files.readString(settings.logs().resolve(name + ".log")).toLowerCase(Locale.ROOT);
            if (!log.contains("shared archive") && !log.contains("[cds")) {
                throw failed;
            }
            sharing = false;
            started = start(settings, sandbox, name + "-no-cds", false, args);
        }
        try (Ferry ferry = started) {
            probe(ferry);
            // intake alone takes orders faster than it fulfils them
            load.post(ferry.uri("/api/orders"), name + "-warm", warmUp, 3 * rate);
            if (fulfilment) {
                Settle.awaitSettled(ferry, Duration.ofMinutes(30), rss -> { });
            }
            counting(ferry);
            Http.pause(TAIL);
            Snapshot idleFrom = snapshot(ferry, null);
            Snapshot idleTo;
            try (CpuProfile.Watch watch = new CpuProfile.Watch(ferry.process().pid())) {
                Http.pause(idle);
                idleTo = snapshot(ferry, watch);
            }
            long flaggedBefore = fulfilment ? ferry.count("FLAGGED") : 0;
            Snapshot from = snapshot(ferry, null);
            OpenLoop.Result result;
            int polls;
            Snapshot to;
            try (CpuProfile.Watch watch = new CpuProfile.Watch(ferry.process().pid())) {
                result = load.post(ferry.uri("/api/orders"), name, orders, rate);
                polls = fulfilment ? awaitSettled(ferry) : 0;
                Http.pause(TAIL);
                to = snapshot(ferry, watch);
            }
            long flagged = fulfilment ? ferry.count("FLAGGED") - flaggedBefore : 0;
            CpuProfile.dump(ferry.process().pid(), recording);
            CpuProfile.Window idleWindow = new CpuProfile.Window(idleFrom.at(), idleTo.at());
            CpuProfile.Window window = new CpuProfile.Window(from.at(), to.at());
            CpuProfile.read(recording, ferry.dataDir(), List.of(idleWindow, window));
            return new Half(name, result.accepted202(), result.outcomes(), flagged, polls, seconds(from, to),
                    totals(from, to, window), seconds(idleFrom, idleTo), totals(idleFrom, idleTo, idleWindow),
                    window.otherPackages, sharing, to.probe().getOrDefault("json.endpoint.mappers", 0.0).longValue());
        }
    }

    /**
     * Asks the list API until no order is ACCEPTED or IN_PROGRESS; returns how many times it asked. Not while orders
     * are posted, and not in the idle window: a list query costs more statements while orders are in flight than
     * when there are none, so its cost would not be the idle rate's.
     */
    private static int awaitSettled(Ferry ferry) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        int polls = 0;
        while (System.nanoTime() < deadline) {
            ferry.process().requireAlive();
            polls++;
            if (ferry.unsettled() == 0) {
                return polls;
            }
            Http.pause(SETTLE_POLL);
        }
        throw new IllegalStateException("orders still unsettled after 30 min: " + ferry.unsettled());
    }

    private static Ferry start(Settings settings, Sandbox sandbox, String name, boolean sharing, String... args)
            throws IOException {
        List<String> jvm = new ArrayList<>(settings.ferryJvm());
        if (sharing) {
            // fail rather than start quietly without the archive
            jvm.add("-Xshare:on");
        } else {
            jvm.remove(Settings.CDS_ARCHIVE);
        }
        jvm.add(RECORDING);
        return Ferry.start(settings, sandbox, name, jvm, List.of(PROBE.toAbsolutePath()), args);
    }

    /** The probe's counters must be there: without them the scenario would report zeros. */
    private static void probe(Ferry ferry) {
        if (probeCounts(ferry).isEmpty()) {
            throw new IllegalStateException("no bench_probe counters on /actuator/prometheus: the probe ("
                    + PROBE + ") is not on Ferry's class path; see " + ferry.process().log());
        }
    }

    /** After the warm-up every bean the probe wraps must have counted something: else it wrapped the wrong one. */
    private static void counting(Ferry ferry) {
        Map<String, Double> counts = probeCounts(ferry);
        for (String what : List.of("jdbc.borrow", "jms.send", "json.bean.parse")) {
            if (counts.getOrDefault(what, 0.0) == 0) {
                throw new IllegalStateException("the probe counted no " + what + " in the warm-up: it did not wrap"
                        + " the bean Ferry uses; see the lines \"bench probe\" in " + ferry.process().log());
            }
        }
    }

    private static Map<String, Double> probeCounts(Ferry ferry) {
        Map<String, Double> counts = new LinkedHashMap<>();
        Matcher line = PROBE_LINE.matcher(ferry.metrics());
        while (line.find()) {
            counts.put(line.group(1), Double.parseDouble(line.group(2)));
        }
        return counts;
    }

    /**
     * At the start of a window ({@code watch} null) the probe is read first and the CPU last; at its end the other way
     * round, with the threads {@code watch} saw end meanwhile: the bench's own scrape of /actuator/prometheus stays
     * out of the window.
     */
    private static Snapshot snapshot(Ferry ferry, CpuProfile.Watch watch) {
        boolean start = watch == null;
        Map<String, Double> probe = start ? probeCounts(ferry) : null;
        Instant at = Instant.now();
        double cpu = ferry.process().cpuSeconds();
        Map<Long, CpuProfile.ThreadCpu> threads = start ? CpuProfile.threads(ferry.process().pid()) : watch.now();
        return new Snapshot(at, start ? probe : probeCounts(ferry), cpu, threads);
    }

    private static double seconds(Snapshot from, Snapshot to) {
        return Duration.between(from.at(), to.at()).toNanos() / 1e9;
    }

    private static Map<String, Double> totals(Snapshot from, Snapshot to, CpuProfile.Window window) {
        Map<String, Double> totals = new LinkedHashMap<>();
        to.probe().forEach((what, value) -> totals.put("probe:" + what, value - from.probe().getOrDefault(what, 0.0)));
        totals.put("db.statements", List.of("select", "insert", "update", "delete", "other").stream()
                .mapToDouble(verb -> totals.getOrDefault("probe:jdbc." + verb, 0.0)).sum());
        totals.put("json.endpoint.trees", totals.getOrDefault("probe:json.endpoint.value-to-tree", 0.0)
                + totals.getOrDefault("probe:json.endpoint.tree-to-value", 0.0));
        totals.put("jdbc.cpu-ms", totals.getOrDefault("probe:jdbc.cpu-ns", 0.0) / 1e6);
        totals.put("jms.cpu-ms", totals.getOrDefault("probe:jms.cpu-ns", 0.0) / 1e6);
        totals.put("h2.bytes", (double) window.h2Bytes);
        totals.put("h2.writes", (double) window.h2Writes);
        totals.put("h2.fsyncs", (double) window.h2Forces);
        totals.put("broker.bytes", (double) window.brokerBytes);
        totals.put("broker.writes", (double) window.brokerWrites);
        totals.put("broker.fsyncs", (double) window.brokerForces);
        double cpu = (to.cpuSeconds() - from.cpuSeconds()) * 1000;
        totals.put("cpu", cpu);
        window.cpuMs(from.threads(), to.threads(), cpu).forEach((row, ms) -> totals.put("cpu:" + row, ms));
        totals.put("cpu.without-jit", cpu - totals.get("cpu:" + CpuProfile.JIT));
        return totals;
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>(List.of(
                Row.net("DB: connections borrowed", "probe:jdbc.borrow", 2),
                Row.net("DB: statements", "db.statements", 2),
                Row.net("DB: … SELECT", "probe:jdbc.select", 2),
                Row.net("DB: … INSERT", "probe:jdbc.insert", 2),
                Row.net("DB: … UPDATE", "probe:jdbc.update", 2),
                Row.net("DB: … DELETE", "probe:jdbc.delete", 2),
                Row.net("DB: … other", "probe:jdbc.other", 2),
                Row.net("DB: commits", "probe:jdbc.commit", 2),
                Row.net("DB: auto-commit writes", "probe:jdbc.autocommit-write", 2),
                Row.net("DB: rollbacks", "probe:jdbc.rollback", 2),
                Row.net("H2 files: bytes written", "h2.bytes", 0),
                Row.net("H2 files: writes", "h2.writes", 2),
                Row.net("H2 files: fsyncs", "h2.fsyncs", 2),
                Row.net("JMS: sessions taken", "probe:jms.session", 2),
                Row.net("JMS: messages sent", "probe:jms.send", 2),
                Row.net("JMS: messages received", "probe:jms.receive", 2),
                Row.net("JMS: … of them auto-acknowledged", "probe:jms.receive-auto-ack", 2),
                Row.net("JMS: session commits", "probe:jms.commit", 2),
                Row.net("JMS: session rollbacks", "probe:jms.rollback", 2),
                Row.raw("JMS: receives that timed out *", "probe:jms.receive-empty", 2),
                Row.raw("JMS: commits with nothing to commit *", "probe:jms.commit-empty", 2),
                Row.net("Artemis journal: bytes written", "broker.bytes", 0),
                Row.net("Artemis journal: writes", "broker.writes", 2),
                Row.net("Artemis journal: fsyncs", "broker.fsyncs", 2),
                Row.net("JSON, ObjectMapper bean: parses", "probe:json.bean.parse", 2),
                Row.net("JSON, ObjectMapper bean: writes", "probe:json.bean.write", 2),
                Row.net("JSON, ObjectMapper bean: value → tree", "probe:json.bean.value-to-tree", 2),
                Row.net("JSON, ObjectMapper bean: tree → value", "probe:json.bean.tree-to-value", 2),
                Row.net("JSON, ObjectMapper bean: convertValue", "probe:json.bean.convert", 2),
                Row.net("JSON, endpoints' mappers: parses", "probe:json.endpoint.parse", 2),
                Row.net("JSON, endpoints' mappers: writes", "probe:json.endpoint.write", 2),
                Row.net("JSON, endpoints' mappers: value ↔ tree", "json.endpoint.trees", 2),
                Row.net("JSON, endpoints' mappers: convertValue", "probe:json.endpoint.convert", 2),
                // the JIT compilers' idle rate is no background: they compile less the longer Ferry runs
                new Row("CPU ms: Ferry, all threads", "cpu", 2, "cpu.without-jit"),
                Row.raw("CPU ms: … JIT compiler threads *", "cpu:" + CpuProfile.JIT, 2),
                Row.net("**CPU ms: all threads but the JIT compilers**", "cpu.without-jit", 2),
                // measured, not sampled: each calling thread's CPU clock before and after every call
                Row.net("CPU ms: inside JDBC calls (pool + H2, the calling threads' CPU clocks)", "jdbc.cpu-ms", 2),
                Row.net("CPU ms: inside JMS calls (client + embedded broker on the calling threads)", "jms.cpu-ms",
                        2)));
        for (String row : CpuProfile.rows()) {
            if (!row.equals(CpuProfile.JIT)) {
                rows.add(Row.net("CPU ms: " + row, "cpu:" + row, 2));
            }
        }
        return rows;
    }

    private static List<List<String>> halfRows(Half half, List<Row> rows) {
        double cpu = half.perOrder(cpuRow(rows));
        List<List<String>> table = new ArrayList<>();
        for (Row row : rows) {
            double perOrder = half.perOrder(row);
            table.add(List.of(row.label(), number(perOrder, row.decimals()),
                    row.cpu() && !row.warmUp() ? percent(perOrder, cpu) : "",
                    number(half.window().getOrDefault(row.key(), 0.0), 0),
                    number(half.idlePerSecond(row), row.decimals())));
        }
        return table;
    }

    private static List<List<String>> fulfilmentRows(Half intake, Half endToEnd, List<Row> rows) {
        double cpu = endToEnd.perOrder(cpuRow(rows)) - intake.perOrder(cpuRow(rows));
        List<List<String>> table = new ArrayList<>();
        for (Row row : rows) {
            double perOrder = endToEnd.perOrder(row) - intake.perOrder(row);
            table.add(row.warmUp() ? List.of(row.label(), "—", "")
                    : List.of(row.label(), number(perOrder, row.decimals()), row.cpu() ? percent(perOrder, cpu) : ""));
        }
        return table;
    }

    /** The CPU the percentages are of: all but the JIT compilers', which is warm-up. */
    private static Row cpuRow(List<Row> rows) {
        return rows.stream().filter(row -> row.key().equals("cpu.without-jit")).findFirst().orElseThrow();
    }

    /** Report.f, but never "-0.00". */
    private static String number(double value, int decimals) {
        return Report.f(Math.abs(value) < 0.5 * Math.pow(10, -decimals) ? 0 : value, decimals);
    }

    private static String percent(double part, double whole) {
        return whole <= 0 ? "" : number(100 * part / whole, 1) + " %";
    }

    private static String halfText(String title, Half half) {
        return "**" + title + "**: " + half.orders() + " orders accepted (answers " + half.outcomes() + ")"
                + (half.name().contains("e2e") ? ", " + half.flagged() + " flagged, the list API asked "
                        + half.polls() + " × (two queries each) in the window" : "")
                + "; window " + Report.f(half.seconds(), 1) + " s, idle window " + Report.f(half.idleSeconds(), 1)
                + " s. \"in the window\": totals over the batch's window, before the idle rate is taken off (CPU in"
                + " ms).";
    }

    private static String sharingNote(Half intake, Half endToEnd) {
        return intake.sharing() && endToEnd.sharing()
                ? " Both Ferrys ran with the class-data sharing archive (`-Xshare:on`, the probe appended to the"
                        + " class path)."
                : " The class-data sharing archive would not map with the probe on the class path: "
                        + (intake.sharing() ? "end to end" : endToEnd.sharing() ? "intake" : "both")
                        + " ran without it.";
    }

    private static String others(Half half) {
        if (half.otherPackages().isEmpty()) {
            return "none";
        }
        return half.otherPackages().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8).map(e -> "`" + e.getKey() + "` " + e.getValue()).collect(Collectors.joining(", "));
    }
}
