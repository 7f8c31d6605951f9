package dev.ferry.bench.volume;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Scenario 7, cost as volume grows: fills a database with Ferry's schema (its Flyway migrations) with 1,000,
 * 10,000 and 100,000 orders ({@link VolumeData}), then times every read Ferry makes over orders, journal and
 * inbox ({@link VolumeQueries}) at each size, shows the database's plan of each, and measures the bytes the
 * database holds per order. H2 (embedded, as Ferry runs by default) always; PostgreSQL when given a server.
 *
 * <p>For the harness: {@link #run(Options)} returns the report as Markdown. From a shell:
 * {@code java -cp <ferry runtime classpath>:<bench classes> dev.ferry.bench.volume.VolumeBench
 * [--sizes 1000,10000,100000] [--postgres jdbc:postgresql://127.0.0.1:5432/?user=postgres] [--out file.md]}.
 *
 * <p>Times are the median of many calls on one connection. For H2 the CPU time of the calling thread is
 * given too (H2 runs in that thread, so it is all the work, whatever else loads the machine); for PostgreSQL
 * the server process's CPU per call, read from /proc.
 */
public final class VolumeBench {

    /** {@code postgresUrl} null: H2 only. The databases are made under {@code workDir} and removed after. */
    public record Options(List<Integer> sizes, String postgresUrl, Path workDir) {

        public static Options defaults() {
            return new Options(List.of(1_000, 10_000, 100_000), null, Path.of("/tmp/ferry-volume-bench"));
        }
    }

    record Timing(String what, double wallMs, double cpuMs, long rowsRead, List<String> plans) {
    }

    record Result(String database, int orders, Map<String, Timing> timings, Map<String, Long> bytesByTable, long fileBytes,
            double fillSeconds) {
    }

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");
    private static final long BUDGET_NANOS = 1_000_000_000L;
    private static final long WARM_UP_NANOS = 700_000_000L;

    private VolumeBench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.defaults();
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> options = new Options(Arrays.stream(args[++i].split(",")).map(String::trim)
                        .map(Integer::valueOf).toList(), options.postgresUrl(), options.workDir());
                case "--postgres" -> options = new Options(options.sizes(), args[++i], options.workDir());
                case "--work-dir" -> options = new Options(options.sizes(), options.postgresUrl(), Path.of(args[++i]));
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; use --sizes 1000,100000 --postgres jdbc:postgresql://host:5432/?user=postgres --out file.md");
            }
        }
        String report = run(options);
        System.out.println(report);
        if (out != null) {
            Files.writeString(out, report);
        }
    }

    public static String run(Options options) throws SQLException, IOException {
        List<Result> results = new ArrayList<>();
        for (int n : options.sizes()) {
            results.add(h2(n, options.workDir().resolve("h2-" + n)));
            if (options.postgresUrl() != null) {
                results.add(postgres(n, options.postgresUrl()));
            }
        }
        return VolumeReport.markdown(results);
    }

    private static Result h2(int n, Path dir) throws SQLException, IOException {
        FileSystemUtils.deleteRecursively(dir);
        Files.createDirectories(dir);
        String url = "jdbc:h2:file:" + dir.resolve("ferry") + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000";
        Connection connection = DriverManager.getConnection(url, "ferry", "");
        try {
            Result measured = measure("H2", n, connection, false);
            Map<String, Long> bytes = new LinkedHashMap<>();
            for (String table : tables()) {
                bytes.put(table, JdbcClient.create(new SingleConnectionDataSource(connection, true))
                        .sql("SELECT DISK_SPACE_USED('" + table.toUpperCase() + "')").query(Long.class).single());
            }
            connection.createStatement().execute("SHUTDOWN");
            long file = Files.size(dir.resolve("ferry.mv.db"));
            try (Connection again = DriverManager.getConnection(url, "ferry", "")) {
                again.createStatement().execute("SHUTDOWN COMPACT");
            }
            bytes.put("whole file after SHUTDOWN COMPACT", Files.size(dir.resolve("ferry.mv.db")));
            return new Result(measured.database(), n, measured.timings(), bytes, file, measured.fillSeconds());
        } finally {
            connection.close();
            FileSystemUtils.deleteRecursively(dir);
        }
    }

    private static Result postgres(int n, String serverUrl) throws SQLException {
        String database = "ferry_volume_" + n + "_" + ProcessHandle.current().pid();
        try (Connection admin = DriverManager.getConnection(serverUrl)) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + database);
            admin.createStatement().execute("CREATE DATABASE " + database);
        }
        try {
            try (Connection connection = DriverManager.getConnection(databaseUrl(serverUrl, database))) {
                Result measured = measure("PostgreSQL", n, connection, true);
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                Map<String, Long> bytes = new LinkedHashMap<>();
                for (String table : tables()) {
                    bytes.put(table, jdbc.sql("SELECT pg_total_relation_size('" + table + "')").query(Long.class).single());
                }
                for (String table : tables()) {
                    bytes.put(table + " indexes", jdbc.sql("SELECT pg_indexes_size('" + table + "')").query(Long.class).single());
                }
                long total = jdbc.sql("SELECT pg_database_size(current_database())").query(Long.class).single();
                return new Result(measured.database(), n, measured.timings(), bytes, total, measured.fillSeconds());
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(serverUrl)) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    /** The server URL with the database's name in place of its path. */
    static String databaseUrl(String serverUrl, String database) {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String params = query < 0 ? "" : serverUrl.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        return (slash < 0 ? base : base.substring(0, slash)) + "/" + database + params;
    }

    static List<String> tables() {
        return List.of("orders", "order_journal", "exceptions", "exception_history");
    }

    private static Result measure(String database, int n, Connection connection, boolean postgres) throws SQLException {
        StatementRecorder recorder = new StatementRecorder();
        DataSource plain = new SingleConnectionDataSource(connection, true);
        Flyway.configure().dataSource(plain).locations("classpath:db/migration/common").load().migrate();
        long fillStart = System.nanoTime();
        VolumeData.fill(connection, n, Instant.now());
        if (postgres) {
            // what autovacuum does soon after a bulk load; without it the planner guesses the tables are empty
            connection.createStatement().execute("VACUUM ANALYZE");
        } else {
            connection.createStatement().execute("ANALYZE");
        }
        double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
        DataSource recorded = recorder.wrap(plain);
        long backend = postgres ? JdbcClient.create(plain).sql("SELECT pg_backend_pid()").query(Long.class).single() : 0;
        Map<String, Timing> timings = new LinkedHashMap<>();
        if (!postgres) {
            // H2 hands back the last result of a query whose tables did not change since; in a Ferry taking
            // orders they change all the time, so the bench has every call run the query
            connection.createStatement().execute("SET OPTIMIZE_REUSE_RESULTS 0");
        }
        try (Ferry ferry = new Ferry(recorded)) {
            for (VolumeQueries.Query query : VolumeQueries.all(ferry, JdbcClient.create(recorded), n)) {
                Timing timing = time(query.call(), backend);
                recorder.start();
                query.call().run();
                List<String> plans = new ArrayList<>();
                long rows = 0;
                for (StatementRecorder.Statement statement : recorder.stop()) {
                    String plan = StatementRecorder.explain(connection, statement, postgres);
                    plans.add(plan);
                    rows += rowsRead(plan);
                }
                timings.put(query.name(), new Timing(query.what(), timing.wallMs(), timing.cpuMs(), rows, plans));
            }
        }
        return new Result(database, n, timings, Map.of(), 0, fillSeconds);
    }

    /**
     * The sum of an H2 plan's scanCounts (rows or index entries read). H2 prints a subquery's plan again in each
     * place it is used, so a count is taken once per table access: the access line before it and its value.
     */
    static long rowsRead(String plan) {
        Set<String> seen = new HashSet<>();
        String access = "";
        long rows = 0;
        for (String line : plan.split("\n")) {
            String text = line.strip().replace("\"", "");
            if (text.startsWith("/* PUBLIC.")) {
                access = text;
            }
            Matcher scans = SCAN_COUNT.matcher(text);
            if (scans.find() && seen.add(access + " " + scans.group(1))) {
                rows += Long.parseLong(scans.group(1));
            }
        }
        return rows;
    }

    /** Median wall time of calls made for about a second (at least 15, at most 500), after a warm-up of 0.7 s. */
    private static Timing time(Runnable call, long backendPid) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // long enough for the JIT to compile Ferry's and the driver's code: the first size would pay for it otherwise
        long warm = System.nanoTime();
        for (int i = 0; i < 300 && System.nanoTime() - warm < WARM_UP_NANOS; i++) {
            call.run();
        }
        List<Long> walls = new ArrayList<>();
        List<Long> cpus = new ArrayList<>();
        long serverBefore = backendPid == 0 ? 0 : cpuTicks(backendPid);
        long start = System.nanoTime();
        while (walls.size() < 15 || (walls.size() < 500 && System.nanoTime() - start < BUDGET_NANOS)) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            call.run();
            walls.add(System.nanoTime() - wall);
            cpus.add(threads.getCurrentThreadCpuTime() - cpu);
        }
        double cpuMs = backendPid == 0 ? median(cpus) / 1e6
                : (cpuTicks(backendPid) - serverBefore) * 10.0 / walls.size();
        return new Timing("", median(walls) / 1e6, cpuMs, 0, List.of());
    }

    /** utime + stime of the process in clock ticks (1/100 s on Linux). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
