package dev.ferry;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A Ferry cluster on this machine, every part in its own process: PostgreSQL (a fresh database, dropped on
 * close), an Artemis broker ({@link StandaloneBroker}), the simulated systems ({@link SandboxProcess}) and
 * Ferry nodes (target/ferry.jar, profile cluster) named node-a, node-b, ….
 */
final class Cluster implements AutoCloseable {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";

    private final Path work;
    private final String database;
    private final Connection connection;
    private final JdbcClient db;
    private final List<Process> processes = new ArrayList<>();
    private final Map<String, FerryProcess.Options> options = new HashMap<>();
    private final Map<String, FerryProcess> nodes = new HashMap<>();
    private SandboxProcess sandbox;
    private int brokerPort;

    private Cluster(Path work, String database, Connection connection) {
        this.work = work;
        this.database = database;
        this.connection = connection;
        this.db = JdbcClient.create(new SingleConnectionDataSource(connection, true));
    }

    /** Database, broker and sandbox; the nodes come with {@link #startNode}. */
    static Cluster start(Path work) throws IOException, SQLException {
        String database = "ferry_cluster_" + Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);
        createDatabase(database);
        Cluster cluster = new Cluster(work, database, DriverManager.getConnection(POSTGRES + database, "postgres", ""));
        try {
            cluster.brokerPort = freePort();
            cluster.processes.add(javaProcess("cluster-broker", List.of(StandaloneBroker.class.getName(),
                    String.valueOf(cluster.brokerPort), Files.createDirectories(work.resolve("broker")).toString())));
            awaitPort(cluster.brokerPort, "the broker");
            cluster.sandbox = SandboxProcess.start(work.resolve("sandbox"));
            cluster.processes.add(cluster.sandbox.process());
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /** The options a node starts with; a test adds its own before the first start. */
    FerryProcess.Options options(String name) {
        return options.computeIfAbsent(name, this::defaults);
    }

    /** Starts (or starts again, after a kill) the node on its own data dir, port and node id. */
    FerryProcess startNode(String name, String log) {
        FerryProcess node = options(name).start(log);
        nodes.put(name, node);
        return node;
    }

    FerryProcess node(String name) {
        return nodes.get(name);
    }

    JdbcClient db() {
        return db;
    }

    SandboxProcess sandbox() {
        return sandbox;
    }

    /** Orders whose external id starts with the prefix, by status. */
    Map<String, Long> statuses(String externalIdPrefix) {
        Map<String, Long> counts = new HashMap<>();
        db.sql("SELECT status, COUNT(*) AS n FROM orders WHERE external_id LIKE :prefix GROUP BY status")
                .param("prefix", externalIdPrefix + "%")
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        return counts;
    }

    private FerryProcess.Options defaults(String name) {
        try {
            FerryProcess.Options node = FerryProcess.options()
                    .jvm("-Xss512k")
                    .env("FERRY_PROFILE", "sandbox,cluster")
                    .env("FERRY_NODE_ID", name)
                    .env("FERRY_DB_URL", POSTGRES + database)
                    .env("FERRY_DB_USER", "postgres")
                    .env("FERRY_BROKER_URL", "tcp://127.0.0.1:" + brokerPort)
                    .dataDir(Files.createDirectories(work.resolve(name)))
                    // a killed node's orders are taken over once its claims run out, not after the default 5 min
                    .arg("ferry.fulfilment.lease", "30s")
                    .arg("ferry.intake.republish-every", "5s")
                    .arg("ferry.retry.initial-delay", "100ms")
                    .arg("ferry.schedules.tracking-sync.cron", "0 0 0 1 1 ? 2099")
                    .arg("ferry.schedules.nightly-reconciliation.cron", "0 0 0 1 1 ? 2099")
                    .arg("spring.datasource.hikari.maximum-pool-size", "10");
            sandbox.ports().forEach(node::arg);
            return node;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        nodes.values().forEach(FerryProcess::close);
        for (Process process : processes) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        connection.close();
        try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void createDatabase(String database) {
        try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + database);
        } catch (SQLException unreachable) {
            String message = "The cluster tests need PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth);"
                    + " install it with apt-get install -y postgresql. " + unreachable.getMessage();
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(message, unreachable);
            }
            Assumptions.abort(message);
        }
    }

    private static Process javaProcess(String name, List<String> mainAndArgs) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", name + ".log").toFile()).start();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, String what) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .alias(what + " listening on " + port)
                .until(() -> {
                    try (Socket socket = new Socket("127.0.0.1", port)) {
                        return true;
                    }
                });
    }
}
