package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Ferry JVM as a user runs it: the embedded profile (embedded Artemis, H2 file) with the sandbox profile's
 * demo keys, its connectors pointed at the sandbox process; schedules that would add work of their own are off.
 */
final class Ferry implements AutoCloseable {

    static final String INTAKE_KEY = "ferry-sandbox-key";
    static final String OPS_KEY = "ferry-sandbox-ops-key";
    private static final String NEVER = "0 0 0 1 1 ? 2099";
    private static final Pattern GAUGE = Pattern.compile(
            "(?m)^ferry_orders\\{[^}]*status=\"(\\w+)\"[^}]*\\}\\s+([0-9.eE+]+)$");

    private final JavaProcess process;
    private final int port;
    private final Path dataDir;
    private final double readySeconds;

    private Ferry(JavaProcess process, int port, Path dataDir, double readySeconds) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
        this.readySeconds = readySeconds;
    }

    static Ferry start(Settings settings, Sandbox sandbox, String name, String... extraArgs) throws IOException {
        return start(settings, sandbox, name, settings.ferryJvm(), List.of(), extraArgs);
    }

    /** With JVM options of its own and {@code classpath} entries after the jar's (the cost scenario's probe). */
    static Ferry start(Settings settings, Sandbox sandbox, String name, List<String> jvmOptions, List<Path> classpath,
            String... extraArgs) throws IOException {
        int port = JavaProcess.freePort();
        Path dataDir = settings.work().resolve(name);
        List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--ferry.data-dir=" + dataDir,
                "--ferry.schedules.crm-order-pull.cron=" + NEVER,
                "--ferry.schedules.tracking-sync.cron=" + NEVER,
                "--ferry.schedules.nightly-reconciliation.cron=" + NEVER,
                // the sandbox profile's dev mode watches the files and polls the queues every 200 ms for quick
                // reloads; a node in service runs without it, and the figures stay comparable with earlier runs
                "--ferry.dev=false", "--ferry.fulfilment.receive-timeout=1000"));
        sandbox.ports().forEach((system, p) -> args.add("--ferry.sandbox." + system + ".port=" + p));
        args.addAll(List.of(extraArgs));
        JavaProcess process = JavaProcess.start(name, settings.jar(), classpath, jvmOptions, args,
                Map.of("FERRY_PROFILE", "sandbox,embedded", "FERRY_HOME", Path.of("").toAbsolutePath().toString(),
                        "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "PLAYWRIGHT_NODEJS_PATH", "/usr/bin/node"),
                settings.logs());
        double ready = Http.awaitOk(process, Http.uri(port, "/actuator/health/readiness"), null, 300);
        return new Ferry(process, port, dataDir, ready);
    }

    JavaProcess process() {
        return process;
    }

    double readySeconds() {
        return readySeconds;
    }

    URI uri(String path) {
        return Http.uri(port, path);
    }

    JsonNode order(String orderId) {
        return Http.getJson(uri("/api/orders/" + orderId), INTAKE_KEY);
    }

    long count(String status) {
        return Http.getJson(uri("/api/orders?size=1&status=" + status), OPS_KEY).path("totalItems").asLong();
    }

    /**
     * Orders not yet COMPLETED, FLAGGED or DISCARDED. Asks the list API, not the gauge of {@link #statusCounts}:
     * the gauge is up to 15 s old, and the lists' totals count exactly while they are below 1,000.
     */
    long unsettled() {
        return count("ACCEPTED") + count("IN_PROGRESS");
    }

    /**
     * Orders by status from the {@code ferry.orders} gauge (/actuator/prometheus), once it counts {@code total}
     * orders in all and none ACCEPTED or IN_PROGRESS: the gauge is refreshed every 15 s, and unlike the list
     * API's totals (which stop counting at 1,000) it counts every order.
     */
    Map<String, Long> awaitStatusCounts(long total, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> counts = Map.of();
        while (System.nanoTime() < deadline) {
            counts = statusCounts();
            long sum = counts.values().stream().mapToLong(Long::longValue).sum();
            if (sum == total && counts.getOrDefault("ACCEPTED", 0L) + counts.getOrDefault("IN_PROGRESS", 0L) == 0) {
                return counts;
            }
            Http.pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException("the ferry.orders gauge did not come to " + total + " settled orders within "
                + timeout + ": " + counts);
    }

    Map<String, Long> statusCounts() {
        String metrics = metrics();
        Map<String, Long> counts = new TreeMap<>();
        Matcher line = GAUGE.matcher(metrics);
        while (line.find()) {
            counts.put(line.group(1), (long) Double.parseDouble(line.group(2)));
        }
        return counts;
    }

    /** The text of /actuator/prometheus. */
    String metrics() {
        // the metrics want a key with METRICS (the sandbox ops key has it)
        return Http.get(uri("/actuator/prometheus"), OPS_KEY).body();
    }

    Path dataDir() {
        return dataDir;
    }

    /** Bytes of the H2 database files. */
    long databaseBytes() {
        try (Stream<Path> files = Files.walk(dataDir.resolve("db"))) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
