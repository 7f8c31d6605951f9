import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Benchmark of Ferry's browser bots: books freight with the book-freight bot through Ferry's API, at the
 * portal's concurrency limit, once with the browser pool and once launching a browser per run, and prints
 * the results as Markdown. Each mode gets its own Ferry (target/ferry.jar, sandbox profile with the simulated
 * systems in a process of their own, fresh data
 * directory, portal hazards off). JDK only: run by bench/bots.sh as {@code java bench/bots/BotBench.java}.
 */
public class BotBench {

    static final String KEY = "ferry-sandbox-ops-key";
    static final String BOT = "book-freight";
    /** The bot's {@code concurrency:} and Ferry's {@code ferry.rpa.workers}: runs in flight at once. */
    static final int CONCURRENCY = 2;
    static final int SAMPLE_EVERY = 10;
    static final Duration POLL = Duration.ofMillis(50);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Mode(String name, String title, List<String> args) {
    }

    static final List<Mode> MODES = List.of(
            new Mode("pool", "pool: one Chromium per worker, a fresh context per run", List.of()),
            new Mode("per-run", "launch per run: --ferry.rpa.reuse-browser=false",
                    List.of("--ferry.rpa.reuse-browser=false")));

    record Run(String orderId, String runId, String status, String failureCode, String error, Instant startedAt,
            Instant finishedAt) {

        boolean succeeded() {
            return "SUCCEEDED".equals(status);
        }

        long millis() {
            return startedAt == null || finishedAt == null ? -1 : Duration.between(startedAt, finishedAt).toMillis();
        }
    }

    /**
     * Processes at one moment: RSS and PSS summed (KiB), how many, how many Chromium, and how many of each
     * kind ({@link Proc#kind}).
     */
    record Children(long rss, long pss, int count, int chromium, String kinds) {

        static Children of(List<Long> pids) {
            Map<String, Integer> kinds = new TreeMap<>();
            pids.forEach(p -> kinds.merge(Proc.kind(p), 1, Integer::sum));
            return new Children(pids.stream().mapToLong(p -> Proc.kib(p, "status", "VmRSS:")).sum(),
                    pids.stream().mapToLong(p -> Proc.kib(p, "smaps_rollup", "Pss:")).sum(), pids.size(),
                    (int) pids.stream().filter(p -> Proc.cmdline(p).contains("chromium")).count(),
                    kinds.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                            .collect(Collectors.joining(", ")));
        }

        Children max(Children other) {
            return new Children(Math.max(rss, other.rss), Math.max(pss, other.pss), Math.max(count, other.count),
                    Math.max(chromium, other.chromium), kinds);
        }
    }

    /** CPU seconds used so far by Ferry's JVM and by its descendants. */
    record Cpu(double jvm, double descendants) {

        Cpu minus(Cpu earlier) {
            return new Cpu(jvm - earlier.jvm, descendants - earlier.descendants);
        }
    }

    /**
     * Ferry's memory, processes and CPU now, and the peak of its descendants since the previous sample;
     * {@code outside}: processes Ferry started that left its tree (Chromium detaches its crash handler).
     */
    record Sample(String when, long jvmRss, Children now, Children peak, Children outside, String browsersRunning,
            String contextsLeftOpen, String load, Cpu cpu) {
    }

    /** One look at memory (KiB): PSS of Ferry's descendants and of its JVM, and Chromium renderers then. */
    record Look(long descendantsPss, long jvmPss, int renderers) {
    }

    /**
     * Memory while {@code contexts} runs were in flight at once, each in a browser context of its own (none: the
     * pool idle); {@code runs}: those runs, which count among the failures when they fail.
     */
    record Held(int contexts, List<Look> looks, List<Run> runs) {

        long median(ToLongFunction<Look> value) {
            long[] sorted = looks.stream().mapToLong(value).sorted().toArray();
            return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        }

        long peak(ToLongFunction<Look> value) {
            return looks.stream().mapToLong(value).max().orElse(0);
        }
    }

    /** {@code cpu}: used over the measured runs; {@code held}: memory with 0, 1, ... contexts open at once. */
    record Result(Mode mode, List<Run> warmUp, List<Run> runs, Map<String, Double> before, Map<String, Double> after,
            Cpu cpu, List<Sample> samples, List<Held> held, String stopped, List<String> leftAfterStop, Path log) {

        /** The peak PSS (Ferry's descendants) a concurrent run adds, in MiB: with the most at once over idle. */
        double mibPerContext() {
            Held idle = held.get(0);
            Held most = held.get(held.size() - 1);
            return most.contexts() == 0 ? 0 : (most.peak(Look::descendantsPss) - idle.median(Look::descendantsPss))
                    / 1024.0 / most.contexts();
        }
    }

    public static void main(String[] args) throws Exception {
        int runs = 50;
        Path jar = Path.of("target/ferry.jar");
        List<Mode> modes = MODES;
        List<String> extra = new ArrayList<>();
        Path summary = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--smoke" -> runs = 3;
                case "--jar" -> jar = Path.of(args[++i]);
                case "--summary" -> summary = Path.of(args[++i]);
                case "--ferry-arg" -> extra.add(args[++i]);
                case "--mode" -> {
                    String name = args[++i];
                    modes = MODES.stream().filter(m -> m.name().equals(name)).toList();
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --runs N, --smoke, --jar PATH, --summary PATH, --mode pool|per-run,"
                        + " --ferry-arg --name=value)");
            }
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: ./mvnw -o -q package -DskipTests");
        }
        List<Result> results = new ArrayList<>();
        for (Mode mode : modes) {
            List<String> ferryArgs = Stream.concat(mode.args().stream(), extra.stream()).toList();
            results.add(new BotBench(jar.toAbsolutePath(), new Mode(mode.name(), mode.title(), ferryArgs), runs)
                    .measure());
        }
        System.out.print(Report.markdown(results, runs));
        if (summary != null) {
            Files.writeString(summary, Report.summary(results, runs));
        }
        boolean failed = results.stream().anyMatch(r -> !Report.failures(r).isEmpty());
        System.exit(failed ? 1 : 0);
    }

    private final Path jar;
    private final Mode mode;
    private final int runs;
    private final String marker;
    private Process ferry;
    private Process sandbox;
    private String base;
    private Children peak = new Children(0, 0, 0, 0, "");
    private final Map<String, Double> cpuSeen = new ConcurrentHashMap<>();

    BotBench(Path jar, Mode mode, int runs) {
        this.jar = jar;
        this.mode = mode;
        this.runs = runs;
        this.marker = mode.name() + "-" + ProcessHandle.current().pid();
    }

    Result measure() throws Exception {
        Path data = Files.createTempDirectory("ferry-bench-" + mode.name() + "-");
        Path log = Path.of("bench", "out", "ferry-" + mode.name() + ".log");
        Files.createDirectories(log.getParent());
        try {
            start(data, log);
        } catch (Exception e) {
            if (ferry != null) {
                ferry.destroyForcibly();
            }
            if (sandbox != null) {
                sandbox.destroyForcibly();
            }
            throw e;
        }
        watch();
        List<Sample> samples = new ArrayList<>();
        List<Run> measured = new ArrayList<>();
        String stopped;
        Map<String, Double> before;
        Map<String, Double> after;
        List<Run> warmUp;
        List<Held> held;
        Cpu cpu;
        try {
            samples.add(sample("before the runs"));
            // one run per worker, so every worker's first browser launch happens before the measured runs
            warmUp = book("W", 1, CONCURRENCY);
            before = awaitRecorded(CONCURRENCY);
            Sample warm = sample("after the warm-up (" + CONCURRENCY + " runs)");
            samples.add(warm);
            progress("warm-up done; " + runs + " runs");
            for (int done = 0; done < runs; ) {
                int batch = Math.min(SAMPLE_EVERY, runs - done);
                measured.addAll(book("", done + 1, batch));
                done += batch;
                samples.add(sample("after " + done));
                progress(done + "/" + runs + " runs");
            }
            cpu = samples.get(samples.size() - 1).cpu().minus(warm.cpu());
            after = awaitRecorded(CONCURRENCY + runs);
            Thread.sleep(5000);
            samples.add(sample("after " + runs + " + 5 s"));
            held = holdContexts();
        } finally {
            stopped = stop();
        }
        List<String> left = killLeftovers();
        if (Stream.of(measured, warmUp, held.stream().flatMap(h -> h.runs().stream()).toList())
                .flatMap(List::stream).allMatch(Run::succeeded)) {
            delete(data);
        } else {
            progress("failures: data directory kept at " + data);
        }
        return new Result(mode, warmUp, measured, before, after, cpu, samples, held, stopped, left, log);
    }

    /**
     * The simulated systems in a process of their own (the production jar has none), standing still: no portal
     * hazards, no CRM trickle. Returns Ferry's arguments that point its connectors at them.
     */
    private List<String> startSandbox(Path data) throws Exception {
        Path sandboxJar = Path.of("sandbox", "target", "ferry-sandbox-standalone.jar");
        if (!Files.isRegularFile(sandboxJar)) {
            throw new IllegalStateException(sandboxJar + " is missing: ./mvnw -o -q package -DskipTests");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                sandboxJar.toString(), "--ferry.data-dir=" + data.resolve("sandbox-process"),
                "--ferry.sandbox.portal.hazards.slow-rate=0",
                "--ferry.sandbox.portal.hazards.busy-rate=0",
                "--ferry.sandbox.portal.hazards.expiry-rate=0",
                "--ferry.sandbox.crm.trickle-initial=0",
                "--ferry.sandbox.crm.trickle-max=0"));
        List<String> ferryArgs = new ArrayList<>(List.of("--ferry.sandbox.enabled=false"));
        int portal = 0;
        for (String system : List.of("crm", "erp", "accounting", "shipping", "portal")) {
            int port = freePort();
            command.add("--ferry.sandbox." + system + ".port=" + port);
            String connector = system.equals("portal") ? "freight-portal" : system;
            ferryArgs.add("--ferry.connectors." + connector + ".base-url=http://localhost:" + port);
            portal = port;
        }
        Path log = Path.of("bench", "out", "sandbox-" + mode.name() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("FERRY_"));
        sandbox = builder.start();
        HttpClient client = HttpClient.newHttpClient();
        URI login = URI.create("http://localhost:" + portal + "/login");
        awaitUp(sandbox, "The sandbox process", log, Duration.ofMinutes(5), () -> client.send(
                HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        return ferryArgs;
    }

    interface Probe {
        boolean up() throws IOException, InterruptedException;
    }

    /** Waits until {@code probe} says the process answers; fails when it exits first or takes longer than {@code limit}. */
    private static void awaitUp(Process process, String what, Path log, Duration limit, Probe probe)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited with " + process.exitValue() + "; the end of " + log
                        + ":\n" + String.join("\n", tail(log)));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not answer within " + limit.toMinutes() + " minutes; see "
                        + log);
            }
            try {
                if (probe.up()) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void start(Path data, Path log) throws Exception {
        List<String> systems = startSandbox(data);
        int port = freePort();
        base = "http://localhost:" + port;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--ferry.data-dir=" + data,
                "--ferry.rpa.workers=" + CONCURRENCY,
                "--ferry.schedules.crm-order-pull.cron=0 0 0 1 1 ? 2099",
                // the tracking sync runs the shipment-statuses bot on the same portal every minute: it would take
                // a worker and a slot of the portal's limit, and launch a browser of its own per run
                "--ferry.schedules.tracking-sync.cron=0 0 0 1 1 ? 2099",
                "--ferry.schedules.nightly-reconciliation.cron=0 0 0 1 1 ? 2099"));
        command.addAll(systems);
        command.addAll(mode.args());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // the sandbox profile's defaults (its keys and users; the systems are the process above): no FERRY_PROFILE
        // or other FERRY_* setting from this shell
        builder.environment().keySet().removeIf(name -> name.startsWith("FERRY_"));
        builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        builder.environment().put("PLAYWRIGHT_NODEJS_PATH", "/usr/bin/node");
        // marks every process this Ferry starts, also one that outlives its parent and leaves the tree
        builder.environment().put("BENCH_FERRY_MARK", marker);
        progress("starting Ferry (" + mode.name() + ") on port " + port + ", log " + log);
        ferry = builder.start();
        awaitUp(ferry, "Ferry", log, Duration.ofMinutes(10), () -> get("/actuator/health").statusCode() == 200);
    }

    /** Stops Ferry as a service manager would (SIGTERM), and says how it went. */
    private String stop() throws InterruptedException {
        long started = System.nanoTime();
        ferry.destroy();
        if (!ferry.waitFor(60, TimeUnit.SECONDS)) {
            ferry.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return "did not stop within 60 s of SIGTERM; killed";
        }
        String how = String.format(Locale.ROOT, "exit code %d, %.1f s after SIGTERM", ferry.exitValue(),
                (System.nanoTime() - started) / 1e9);
        sandbox.destroy();
        if (!sandbox.waitFor(30, TimeUnit.SECONDS)) {
            sandbox.destroyForcibly();
        }
        return how;
    }

    /** Processes Ferry started that are still alive 5 s after it stopped, by kind: killed, and reported. */
    private List<String> killLeftovers() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        List<Long> alive;
        do {
            Thread.sleep(250);
            alive = marked();
        } while (!alive.isEmpty() && Instant.now().isBefore(deadline));
        List<String> left = new ArrayList<>();
        for (long pid : alive) {
            left.add(pid + " " + Proc.kind(pid));
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        return left;
    }

    /**
     * Memory per concurrent context: Ferry idle (in the pool: its browsers up, no context open), then with 1 to
     * {@link #CONCURRENCY} runs started at once, looking five times a second while all of them are in flight.
     * Each run has a browser context of its own (in the pool, in the worker's running browser; launching per run,
     * in a browser of its own). The bot's concurrency limit caps the runs in flight, so it caps this too.
     */
    private List<Held> holdContexts() throws InterruptedException {
        List<Held> held = new ArrayList<>();
        List<Look> idle = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            idle.add(look());
            Thread.sleep(200);
        }
        held.add(new Held(0, idle, List.of()));
        for (int contexts = 1; contexts <= CONCURRENCY; contexts++) {
            List<Run> done = Collections.synchronizedList(new ArrayList<>());
            List<Thread> clients = new ArrayList<>();
            for (int c = 1; c <= contexts; c++) {
                String orderId = "BENCH-" + mode.name().toUpperCase(Locale.ROOT) + "-C" + contexts + "-" + c;
                Thread client = new Thread(() -> done.add(bookOne(orderId)));
                client.start();
                clients.add(client);
            }
            List<Look> looks = new ArrayList<>();
            while (clients.stream().anyMatch(Thread::isAlive)) {
                if (done.isEmpty()) {
                    looks.add(look());
                }
                Thread.sleep(200);
            }
            held.add(new Held(contexts, looks, List.copyOf(done)));
            // the finished runs' renderers go away a moment after their contexts close
            Thread.sleep(3000);
        }
        progress("memory per concurrent context measured");
        return held;
    }

    private Look look() {
        List<Long> pids = descendants(ferry.pid());
        return new Look(pids.stream().mapToLong(p -> Proc.kib(p, "smaps_rollup", "Pss:")).sum(),
                Proc.kib(ferry.pid(), "smaps_rollup", "Pss:"),
                (int) pids.stream().filter(p -> Proc.cmdline(p).contains("--type=renderer")).count());
    }

    /** Books {@code count} consignments, {@link #CONCURRENCY} at a time, each followed until it ends. */
    private List<Run> book(String prefix, int first, int count) throws InterruptedException {
        AtomicInteger next = new AtomicInteger(first);
        List<Run> done = Collections.synchronizedList(new ArrayList<>());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CONCURRENCY; c++) {
            Thread client = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < first + count; i = next.getAndIncrement()) {
                    done.add(bookOne("BENCH-" + mode.name().toUpperCase(Locale.ROOT) + "-" + prefix + i));
                }
            });
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        return done;
    }

    private Run bookOne(String orderId) {
        String input = """
                {"orderId":"%s","lines":[{"sku":"MUG","quantity":2}],"shipTo":{"name":"Bench Ltd",\
                "street":"Rua 1","postalCode":"1000-001","city":"Lisboa","country":"PT"}}""".formatted(orderId);
        try {
            HttpResponse<String> started = HTTP.send(request("/api/bots/" + BOT + "/runs")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(input)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (started.statusCode() != 202) {
                return new Run(orderId, null, "NOT STARTED", "HTTP " + started.statusCode(), started.body(), null, null);
            }
            String runId = Json.text(started.body(), "runId");
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(deadline)) {
                String run = get("/api/bots/runs/" + runId).body();
                String status = Json.text(run, "status");
                if (!"RUNNING".equals(status)) {
                    return new Run(orderId, runId, status, Json.text(run, "failureCode"), Json.text(run, "error"),
                            Json.instant(run, "startedAt"), Json.instant(run, "finishedAt"));
                }
                Thread.sleep(POLL.toMillis());
            }
            return new Run(orderId, runId, "NO ANSWER", null, "still RUNNING after 3 minutes", null, null);
        } catch (IOException | InterruptedException e) {
            return new Run(orderId, null, "NOT STARTED", null, e.toString(), null, null);
        }
    }

    /**
     * Prometheus samples once {@code ferry_bot_runs_seconds} has counted {@code runs} runs: a run's status is
     * stored a moment before its timer records it.
     */
    private Map<String, Double> awaitRecorded(int runs) throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        Map<String, Double> metrics;
        do {
            metrics = Prometheus.parse(get("/actuator/prometheus").body());
            if (Prometheus.value(metrics, "ferry_bot_runs_seconds_count") >= runs) {
                return metrics;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        return metrics;
    }

    private Sample sample(String when) throws Exception {
        List<Long> pids = descendants(ferry.pid());
        Children now = Children.of(pids);
        Children peak;
        synchronized (this) {
            peak = this.peak.max(now);
            this.peak = now;
        }
        List<Long> outside = marked().stream().filter(p -> p != ferry.pid() && !pids.contains(p)).toList();
        String health = get("/actuator/health").body();
        return new Sample(when, Proc.kib(ferry.pid(), "status", "VmRSS:"), now, peak, Children.of(outside),
                Json.number(health, "browsersRunning"), Json.number(health, "contextsLeftOpen"),
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0], cpu());
    }

    /**
     * Looks at Ferry's descendants four times a second for their CPU time, and once a second for the peak of
     * their memory and number between samples.
     */
    private void watch() {
        Thread watcher = new Thread(() -> {
            for (long tick = 0; ferry.isAlive(); tick++) {
                List<Long> pids = descendants(ferry.pid());
                seeCpu(pids);
                if (tick % 4 == 0) {
                    Children now = Children.of(pids);
                    synchronized (this) {
                        peak = peak.max(now);
                    }
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /**
     * The CPU time of every descendant as last seen, by process id and start time. Chromium's processes do not
     * all end as children their parent reaps, so the kernel's count of reaped children's time loses much of it;
     * adding up what each process had used when last seen misses at most its last quarter second.
     */
    private void seeCpu(List<Long> pids) {
        for (long pid : pids) {
            String[] stat = Proc.stat(pid);
            if (stat.length > 19) {
                cpuSeen.put(pid + "@" + stat[19], Proc.cpu(stat));
            }
        }
    }

    private Cpu cpu() {
        seeCpu(descendants(ferry.pid()));
        return new Cpu(Proc.cpu(Proc.stat(ferry.pid())), cpuSeen.values().stream().mapToDouble(d -> d).sum());
    }

    /** Every process now whose environment carries this Ferry's mark, in or out of its tree. */
    private List<Long> marked() {
        byte[] mark = ("BENCH_FERRY_MARK=" + marker + "\0").getBytes();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> Proc.contains(p.resolve("environ"), mark))
                    .map(p -> Long.parseLong(p.getFileName().toString())).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static List<Long> descendants(long pid) {
        return ProcessHandle.of(pid).map(p -> p.descendants().map(ProcessHandle::pid).toList()).orElse(List.of());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + KEY);
    }

    private static void progress(String message) {
        System.err.println("[bench] " + message);
    }

    private static List<String> tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.subList(Math.max(0, lines.size() - 20), lines.size());
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Just enough JSON reading for Ferry's flat answers: the first field of that name. */
    static final class Json {

        static String text(String json, String field) {
            Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
            return m.find() ? m.group(1) : null;
        }

        static String number(String json, String field) {
            Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(-?\\d+)").matcher(json);
            return m.find() ? m.group(1) : "n/a";
        }

        static Instant instant(String json, String field) {
            String text = text(json, field);
            return text == null ? null : Instant.parse(text);
        }
    }

    /** The Prometheus text format, as {@code name{labels}} to value. */
    static final class Prometheus {

        static Map<String, Double> parse(String text) {
            Map<String, Double> samples = new HashMap<>();
            for (String line : text.split("\n")) {
                int space = line.lastIndexOf(' ');
                if (!line.startsWith("#") && space > 0) {
                    samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                }
            }
            return samples;
        }

        /** The sum over the samples of that name carrying all of the labels, given as {@code key="value"}. */
        static double value(Map<String, Double> samples, String name, String... labels) {
            return samples.entrySet().stream()
                    .filter(e -> e.getKey().equals(name) || e.getKey().startsWith(name + "{"))
                    .filter(e -> Stream.of(labels).allMatch(e.getKey()::contains))
                    .mapToDouble(Map.Entry::getValue).sum();
        }
    }

    /** Reading /proc: sizes from status or smaps_rollup, and the command line. */
    static final class Proc {

        static long kib(long pid, String file, String field) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), file))) {
                    if (line.startsWith(field)) {
                        return Long.parseLong(line.substring(field.length()).replace("kB", "").trim());
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended between listing and reading
            }
            return 0;
        }

        /**
         * Chromium's processes by {@code --type} (and utility sub-type), "browser" for the main one; any other
         * program by name; "exited" for a process that has ended and waits to be reaped.
         */
        static String kind(long pid) {
            String cmdline = cmdline(pid).trim();
            if (cmdline.isEmpty()) {
                return "exited";
            }
            String program = Path.of(cmdline.split(" ")[0]).getFileName().toString();
            if (!program.equals("chromium")) {
                return program;
            }
            Matcher type = Pattern.compile("--type=(\\S+)").matcher(cmdline);
            Matcher utility = Pattern.compile("--utility-sub-type=(\\S+)").matcher(cmdline);
            return "chromium " + (type.find() ? type.group(1) : "browser")
                    + (utility.find() ? " (" + utility.group(1) + ")" : "");
        }

        /** The fields of /proc/pid/stat after the program name: [0] is field 3 (state); empty when gone. */
        static String[] stat(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            } catch (IOException gone) {
                return new String[0];
            }
        }

        /** User + system CPU seconds of the process itself: fields 14 and 15, in clock ticks of 1/100 s. */
        static double cpu(String[] stat) {
            return stat.length > 12 ? (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / 100.0 : 0;
        }

        static boolean contains(Path file, byte[] text) {
            try {
                return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                        .contains(new String(text, StandardCharsets.ISO_8859_1));
            } catch (IOException gone) {
                return false;
            }
        }

        static String cmdline(long pid) {
            try {
                return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline"))).replace('\0', ' ');
            } catch (IOException gone) {
                return "";
            }
        }
    }

    /** The results as Markdown: throughput, where a run's time goes, memory and processes, failures. */
    static final class Report {

        private static final String[] PHASES = {"context", "work", "evidence", "close"};

        static String markdown(List<Result> results, int runs) {
            StringBuilder md = new StringBuilder();
            md.append("## Throughput\n\n").append(runs).append(" measured runs of `").append(BOT)
                    .append("` per mode, ").append(CONCURRENCY).append(" at a time, after a warm-up of ")
                    .append(CONCURRENCY).append(" runs (one per worker). Wall clock: from the first run's start to the")
                    .append(" last run's finish, by the runs' own `startedAt`/`finishedAt`.\n\n");
            row(md, results, "", r -> r.mode().name());
            row(md, results, "---", r -> "---:");
            row(md, results, "runs per minute", r -> format("%.1f", perMinute(r)));
            row(md, results, "wall clock", r -> format("%.1f s", wallMillis(r) / 1000.0));
            row(md, results, "failed runs (warm-up included)", r -> String.valueOf(failures(r).size()));
            row(md, results, "CPU per run: Ferry's JVM + its descendants", r -> format("%.2f s + %.2f s",
                    r.cpu().jvm() / r.runs().size(), r.cpu().descendants() / r.runs().size()));
            row(md, results, "run time p50 / p95 / max", r -> {
                List<Long> ms = r.runs().stream().map(Run::millis).filter(m -> m >= 0).sorted().toList();
                return ms.isEmpty() ? "n/a" : format("%d / %d / %d ms", percentile(ms, 50), percentile(ms, 95),
                        ms.get(ms.size() - 1));
            });

            md.append("\n## Where a run's time goes\n\nFrom `/actuator/prometheus`, the measured runs only (after")
                    .append(" minus before them): milliseconds per measured run (timer sum / runs), with the timer's")
                    .append(" count. The parts add up to the whole run; the steps (each finished step of the bot file,")
                    .append(" by kind; an `if` without the steps it runs) add up to most of the work phase, the rest of")
                    .append(" which is reading the output; \"rest\" is what no part times (waiting for")
                    .append(" the concurrency limit and a worker, recording the run, and with launch per run closing")
                    .append(" the browser).\n\n");
            row(md, results, "", r -> r.mode().name());
            row(md, results, "---", r -> "---:");
            row(md, results, "whole run, SUCCEEDED (`ferry_bot_runs_seconds`)", r -> split(r, runs(r, "SUCCEEDED")));
            row(md, results, "whole run, FAILED (`ferry_bot_runs_seconds`)", r -> split(r, runs(r, "FAILED")));
            row(md, results, "browser launch (`ferry_bot_browser_launches_seconds`)", r -> split(r, launches(r)));
            for (String phase : PHASES) {
                row(md, results, "phase " + phase + " (`ferry_bot_phase_seconds`)", r -> split(r, phase(r, phase)));
            }
            for (String step : steps(results)) {
                row(md, results, "&nbsp;&nbsp;work: step " + step + " (`ferry_bot_steps_seconds`)",
                        r -> split(r, delta(r, "ferry_bot_steps_seconds", "bot=\"" + BOT + "\"",
                                "step=\"" + step + "\"")));
            }
            row(md, results, "rest", r -> {
                double[] whole = sum(runs(r, "SUCCEEDED"), runs(r, "FAILED"));
                double parts = launches(r)[1] + Stream.of(PHASES).mapToDouble(p -> phase(r, p)[1]).sum();
                return format("%.0f", (whole[1] - parts) * 1000 / r.runs().size());
            });

            contexts(md, results);
            for (Result r : results) {
                memory(md, r);
            }
            return md.toString();
        }

        /** The headline figures in one small table, for the top of the results and for copying elsewhere. */
        static String summary(List<Result> results, int runs) {
            StringBuilder md = new StringBuilder();
            Result pool = results.stream().filter(r -> r.mode().name().equals("pool")).findFirst().orElse(null);
            Result perRun = results.stream().filter(r -> r.mode().name().equals("per-run")).findFirst().orElse(null);
            boolean both = pool != null && perRun != null;
            md.append("| ").append(BOT).append(", ").append(runs).append(" runs per mode, ").append(CONCURRENCY)
                    .append(" at a time |");
            results.forEach(r -> md.append(' ').append(r.mode().name()).append(" |"));
            md.append(both ? " ratio |\n" : "\n").append("| --- |");
            results.forEach(r -> md.append(" ---: |"));
            md.append(both ? " ---: |\n" : "\n");
            summaryRow(md, results, both ? "pool ÷ per-run" : null, "runs per minute", Report::perMinute, "%.1f");
            summaryRow(md, results, both ? "per-run ÷ pool" : null, "CPU seconds per run (Ferry's JVM + descendants)",
                    r -> (r.cpu().jvm() + r.cpu().descendants()) / r.runs().size(), "%.2f");
            summaryRow(md, results, null, "browser launch, ms per run",
                    r -> launches(r)[1] * 1000 / r.runs().size(), "%.0f");
            summaryRow(md, results, null, "bot's work on the portal, ms per run",
                    r -> phase(r, "work")[1] * 1000 / r.runs().size(), "%.0f");
            summaryRow(md, results, null, "MiB per concurrent context (peak PSS over idle, up to " + CONCURRENCY
                    + " at once; launching per run, with its browser)", Result::mibPerContext, "%.0f");
            return md.toString();
        }

        /** A row of the summary; {@code ratio} names the ratio of the two modes it shows, null for none. */
        private static void summaryRow(StringBuilder md, List<Result> results, String ratio, String label,
                Function<Result, Double> value, String pattern) {
            md.append("| ").append(label).append(" |");
            results.forEach(r -> md.append(' ').append(format(pattern, value.apply(r))).append(" |"));
            if (results.size() == 2) {
                double pool = value.apply(results.get(0));
                double perRun = value.apply(results.get(1));
                if (ratio == null) {
                    md.append(" |");
                } else {
                    double r = ratio.startsWith("pool") ? pool / perRun : perRun / pool;
                    md.append(Double.isFinite(r) ? format(" %.2f (%s) |", r, ratio) : " n/a |");
                }
            }
            md.append('\n');
        }

        private static double perMinute(Result r) {
            return r.runs().size() * 60_000.0 / wallMillis(r);
        }

        /** PSS with 0, 1, ... runs in flight, and what each adds. */
        private static void contexts(StringBuilder md, List<Result> results) {
            md.append("\n## Memory per concurrent context\n\nAfter the measured runs: Ferry idle (in the pool its")
                    .append(" browsers up, no context open), then 1 to ").append(CONCURRENCY).append(" runs started")
                    .append(" at once, each in a browser context of its own, looked at five times a second while all")
                    .append(" of them were in flight. PSS in MiB, median and peak of the looks; \"per context\": the")
                    .append(" peak over the idle median, divided by the contexts. The bot's `concurrency: ")
                    .append(CONCURRENCY).append("` caps the runs in flight, so it caps this measurement too. In the")
                    .append(" pool a context is a renderer process and its share of the browser; launching per run,")
                    .append(" each run in flight also brings its own browser.\n\n")
                    .append("| mode | contexts open | looks | descendants PSS median / peak | per context |")
                    .append(" JVM PSS median / peak | renderers peak |\n")
                    .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
            for (Result r : results) {
                long idle = r.held().get(0).median(Look::descendantsPss);
                for (Held h : r.held()) {
                    md.append(format("| %s | %d | %d | %d / %d | %s | %d / %d | %d |%n", r.mode().name(), h.contexts(),
                            h.looks().size(), h.median(Look::descendantsPss) / 1024, h.peak(Look::descendantsPss) / 1024,
                            h.contexts() == 0 ? "" : format("%.0f", (h.peak(Look::descendantsPss) - idle) / 1024.0
                                    / h.contexts()),
                            h.median(Look::jvmPss) / 1024, h.peak(Look::jvmPss) / 1024, h.peak(Look::renderers)));
                }
            }
        }

        private static void memory(StringBuilder md, Result r) {
            md.append("\n## Memory and processes: ").append(r.mode().title()).append("\n\n")
                    .append("JVM: Ferry's own RSS. Descendants: its Playwright driver (node) and Chromium processes;")
                    .append(" RSS summed (shared pages counted once per process) and PSS summed (shared pages split).")
                    .append(" `browsersRunning` and `contextsLeftOpen` from `/actuator/health` component `browser`.")
                    .append(" Peaks: Ferry's descendants looked at once a second between two rows. Outside the tree:")
                    .append(" processes with Ferry's environment that are not its descendants (not in the sums).\n\n")
                    .append("| when | JVM RSS MiB | descendants RSS MiB | descendants PSS MiB | descendants |")
                    .append(" chromium processes | browsersRunning | contextsLeftOpen | peak since the row above:")
                    .append(" descendants PSS MiB | peak chromium processes | machine load (1 min) | descendants by kind |\n")
                    .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
            for (Sample s : r.samples()) {
                md.append(format("| %s | %d | %d | %d | %d | %d | %s | %s | %d | %d | %s | %s |%n", s.when(),
                        s.jvmRss() / 1024, s.now().rss() / 1024, s.now().pss() / 1024, s.now().count(),
                        s.now().chromium(), s.browsersRunning(), s.contextsLeftOpen(), s.peak().pss() / 1024,
                        s.peak().chromium(), s.load(), s.now().kinds()
                                + (s.outside().count() == 0 ? "" : "; outside the tree: " + s.outside().kinds())));
            }
            md.append("\nFerry stopped: ").append(r.stopped()).append(".");
            md.append(" Processes it started still alive 5 s after it stopped (then killed by the bench): ")
                    .append(r.leftAfterStop().isEmpty() ? "none" : String.join(", ", r.leftAfterStop()))
                    .append(". Ferry's log: `").append(r.log()).append("`.\n");
            List<Run> failed = failures(r);
            if (!failed.isEmpty()) {
                md.append("\nFailed runs:\n\n| order | run | status | code | error |\n| --- | --- | --- | --- | --- |\n");
                for (Run run : failed) {
                    md.append(format("| %s | %s | %s | %s | %s |%n", run.orderId(), run.runId(), run.status(),
                            run.failureCode(), String.valueOf(run.error()).replace("|", "\\|").replace("\n", " ")));
                }
            }
        }

        static List<Run> failures(Result r) {
            return Stream.of(r.warmUp(), r.runs(), r.held().stream().flatMap(h -> h.runs().stream()).toList())
                    .flatMap(List::stream).filter(run -> !run.succeeded()).toList();
        }

        private static long wallMillis(Result r) {
            Instant first = r.runs().stream().map(Run::startedAt).filter(t -> t != null).min(Comparator.naturalOrder())
                    .orElse(Instant.EPOCH);
            Instant last = r.runs().stream().map(Run::finishedAt).filter(t -> t != null).max(Comparator.naturalOrder())
                    .orElse(Instant.EPOCH);
            return Math.max(1, Duration.between(first, last).toMillis());
        }

        private static long percentile(List<Long> sorted, int p) {
            return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }

        /** Count and sum in seconds of a timer over the measured runs. */
        private static double[] delta(Result r, String name, String... labels) {
            return new double[] {
                Prometheus.value(r.after(), name + "_count", labels) - Prometheus.value(r.before(), name + "_count", labels),
                Prometheus.value(r.after(), name + "_sum", labels) - Prometheus.value(r.before(), name + "_sum", labels)};
        }

        private static double[] runs(Result r, String outcome) {
            return delta(r, "ferry_bot_runs_seconds", "bot=\"" + BOT + "\"", "outcome=\"" + outcome + "\"");
        }

        private static double[] launches(Result r) {
            return delta(r, "ferry_bot_browser_launches_seconds");
        }

        private static double[] phase(Result r, String phase) {
            return delta(r, "ferry_bot_phase_seconds", "bot=\"" + BOT + "\"", "phase=\"" + phase + "\"");
        }

        /** The kinds of step Ferry timed ({@code ferry_bot_steps_seconds}), in any mode. */
        private static List<String> steps(List<Result> results) {
            Pattern step = Pattern.compile("^ferry_bot_steps_seconds_count\\{.*step=\"([^\"]+)\"");
            return results.stream().flatMap(r -> r.after().keySet().stream()).map(step::matcher)
                    .filter(Matcher::find).map(m -> m.group(1)).distinct().sorted().toList();
        }

        private static double[] sum(double[] a, double[] b) {
            return new double[] {a[0] + b[0], a[1] + b[1]};
        }

        private static String split(Result r, double[] timer) {
            return format("%.0f (%.0f×)", timer[1] * 1000 / r.runs().size(), timer[0]);
        }

        private static void row(StringBuilder md, List<Result> results, String label,
                Function<Result, String> cell) {
            md.append("| ").append(label).append(" |");
            results.forEach(r -> md.append(' ').append(cell.apply(r)).append(" |"));
            md.append('\n');
        }

        private static String format(String pattern, Object... values) {
            return String.format(Locale.ROOT, pattern, values);
        }
    }
}
