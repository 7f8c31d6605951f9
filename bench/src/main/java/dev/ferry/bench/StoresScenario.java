package dev.ferry.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 9: the embedded stores side by side on Ferry's statements for one order (dev.ferry.bench.stores.StoreRun),
 * each in a JVM of its own: H2 as Ferry opens it, and the embedded stores Ferry could use instead. bench/run fetches
 * their drivers from Maven Central into target/bench/stores/ (none of them is in Ferry's jar).
 */
final class StoresScenario {

    /** A store, how it is opened, and what a commit survives when it returns. */
    record Store(String name, String dialect, String jar, String url, String survives, String supportedBy) {
    }

    private StoresScenario() {
    }

    static void run(Settings settings, Report report) throws Exception {
        Path drivers = Path.of("target", "bench", "stores").toAbsolutePath();
        Path work = settings.work().resolve("stores");
        int orders = settings.smoke() ? 200 : 5_000;
        List<Store> stores = List.of(
                new Store("H2 2.3.232", "h2", null, "jdbc:h2:file:%s/h2;WRITE_DELAY=0",
                        "a killed process, not a power cut (no fsync)", "Flyway, Quartz"),
                new Store("HSQLDB 2.7.4, cached tables, MVCC", "hsqldb", "hsqldb.jar",
                        "jdbc:hsqldb:file:%s/hsqldb;hsqldb.tx=mvcc;hsqldb.write_delay=false",
                        "a power cut (fsync at each commit)", "Flyway, Quartz"),
                new Store("Derby 10.16.1.1", "derby", "derby.jar:derbyshared.jar", "jdbc:derby:%s/derby;create=true",
                        "a power cut (fsync at each commit)", "Flyway, Quartz"),
                new Store("SQLite 3.54 (sqlite-jdbc), WAL", "sqlite", "sqlite.jar",
                        "jdbc:sqlite:%s/sqlite.db?journal_mode=WAL&synchronous=FULL&busy_timeout=10000",
                        "a power cut (fsync at each commit)", "Flyway; not Quartz"));
        List<List<String>> rows = new ArrayList<>();
        for (int threads : List.of(1, 4)) {
            for (Store store : stores) {
                if (store.jar() != null && !List.of(store.jar().split(":")).stream()
                        .allMatch(jar -> Files.exists(drivers.resolve(jar)))) {
                    rows.add(List.of(store.name(), Integer.toString(threads), "driver missing", "", "", "", ""));
                    continue;
                }
                Path dir = work.resolve(store.dialect() + "-" + threads);
                Files.createDirectories(dir);
                String[] result = runOne(settings, store, drivers, dir, orders, threads);
                if (result.length == 1) {
                    rows.add(List.of(store.name(), Integer.toString(threads), "failed: " + result[0], "", "",
                            store.survives(), store.supportedBy()));
                    continue;
                }
                rows.add(List.of(store.name(), Integer.toString(threads), result[0], result[1],
                        Report.f(Double.parseDouble(result[2]) / 1024, 1), store.survives(), store.supportedBy()));
            }
        }
        report.section("9. Embedded stores")
                .text("Ferry's statements for one order — intake (the order and its journal entry in one"
                        + " transaction), its queue mark (one in five, as the marks go in batches), the claim, the two"
                        + " reads that start its route, the six journal entries of its steps with the final update in"
                        + " one transaction — against each embedded store Ferry could run on, in a JVM of its own, on"
                        + " Ferry's tables and indexes (its migrations, in each store's dialect), statements prepared"
                        + " for each use as Spring's JdbcClient does, order ids as Ferry makes them. " + orders
                        + " orders to warm up, then " + orders + " measured, on 1 and on 4 threads. CPU: the JVM's"
                        + " (the store runs in it, as in Ferry); written: the bytes handed to write() (/proc's"
                        + " wchar). Only the store: no HTTP, broker or JSON (scenario 8 has Ferry's whole cost).")
                .command("bench/run --only stores")
                .table(List.of("store", "threads", "CPU ms/order", "orders/s", "KiB written/order",
                        "a commit survives", "supported by"), rows);
    }

    private static String[] runOne(Settings settings, Store store, Path drivers, Path dir, int orders, int threads)
            throws IOException, InterruptedException {
        StringBuilder classpath = new StringBuilder(System.getProperty("java.class.path"));
        if (store.jar() != null) {
            for (String jar : store.jar().split(":")) {
                classpath.append(':').append(drivers.resolve(jar));
            }
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                // Derby waits 60 s for a lock by default before it says it timed out
                "-Dderby.locks.waitTimeout=10", "-cp", classpath.toString(), "dev.ferry.bench.stores.StoreRun",
                store.dialect(),
                String.format(Locale.ROOT, store.url(), dir), Integer.toString(orders), Integer.toString(threads)));
        Path log = settings.logs().resolve("store-" + store.dialect() + "-" + threads + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(20, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(store.name() + " did not finish in 20 minutes; see " + log);
        }
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith("RESULT ")) {
                return line.substring(7).trim().split(" ");
            }
            // a store that cannot take Ferry's transactions as they are (Derby's lock timeouts on 4 threads) is a
            // finding, not a broken bench
            if (line.startsWith("FAILED ")) {
                return new String[] {line.substring(7).trim().replace("|", "/")};
            }
        }
        throw new IllegalStateException(store.name() + " gave no result (exit " + process.exitValue() + "); see " + log);
    }
}
