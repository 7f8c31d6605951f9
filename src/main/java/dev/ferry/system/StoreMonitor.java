package dev.ferry.system;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Watches the store Ferry keeps on its own disk: the data directory, the embedded H2 file and the embedded
 * broker's journal. A failed write leaves H2 closed for good (its file store stops at the first I/O error)
 * and makes the embedded broker stop itself; neither comes back on its own. Every {@code ferry.store.check-every}
 * this checks the data directory takes files, the database answers a real query and is writable, and the
 * broker runs. While anything fails the store is down: health {@code store} is DOWN (liveness and readiness)
 * and intake answers 503. Once the data directory takes files again it reopens what failed: the pool's
 * connections are replaced (new ones open the H2 file again) and the broker is started again, reading its
 * journal, so the orders queued before the failure are delivered.
 */
@Component
public class StoreMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StoreMonitor.class);

    private final Path dataDir;
    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<EmbeddedActiveMQ> broker;
    private final Duration every;
    private final boolean localDatabase;
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private volatile String problem;

    StoreMonitor(@Value("${ferry.data-dir}") String dataDir, DataSource dataSource,
            ObjectProvider<EmbeddedActiveMQ> broker, @Value("${ferry.store.check-every:1s}") Duration every) {
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setQueryTimeout(5);
        this.broker = broker;
        this.every = every;
        this.localDatabase = localH2File(dataSource);
    }

    /** True while the store takes writes, as far as the last check knows. */
    public boolean available() {
        return problem == null;
    }

    /** Why the store is down, in one sentence; null while it is up. */
    public String problem() {
        return problem;
    }

    /** Whether the database is the embedded H2 file, whose failure this monitor can repair. */
    boolean watchesDatabase() {
        return localDatabase;
    }

    /** Checks the store now, repairs what it can, and says what is still wrong (null: nothing). Only on the check thread. */
    private String check() {
        String found = find();
        // while Ferry stops, a stopped broker or a closed pool is the stop's doing: nothing to repair
        if (found != null && running && DataDir.problem(dataDir) == null) {
            // the disk takes writes again: reopen what the failure closed, then look again
            repair();
            found = find();
        }
        if (found != null && problem == null) {
            log.warn("The store is unavailable: {}. Intake answers 503 until it is back (docs/operations.md#store-failure).",
                    found);
        } else if (found == null && problem != null) {
            log.info("The store is available again (it was: {}).", problem);
        }
        problem = found;
        return found;
    }

    /** Asks for a check at once, e.g. after a request met a failed write; the answer comes from the next check. */
    public void checkSoon() {
        ScheduledExecutorService checks = executor;
        if (checks != null && !checks.isShutdown()) {
            checks.execute(this::checkQuietly);
        }
    }

    private String find() {
        String disk = DataDir.problem(dataDir);
        if (disk != null) {
            return disk;
        }
        if (localDatabase) {
            String database = database();
            if (database != null) {
                return database;
            }
        }
        ActiveMQServer server = server();
        if (server != null && !server.isStarted()) {
            return "the embedded broker has stopped (its journal is under " + dataDir.resolve("broker") + ")";
        }
        return null;
    }

    /** A real query, on a connection from the pool: H2 answers "closed" or "read only" here, not to isValid(). */
    private String database() {
        try {
            Boolean readOnly = jdbc.queryForObject("SELECT READONLY() FROM \"flyway_schema_history\" LIMIT 1",
                    Boolean.class);
            return Boolean.TRUE.equals(readOnly) ? "the database " + dataDir.resolve("db") + " is open read-only" : null;
        } catch (RuntimeException e) {
            return "the database does not answer (" + firstLine(e) + ")";
        }
    }

    private void repair() {
        // a database file that is gone is not opened again: H2 would make an empty one, and Ferry would go on
        // without the orders it accepted
        HikariDataSource hikari = pool(dataSource);
        if (localDatabase && database() != null && databaseFileExists() && hikari != null
                && hikari.getHikariPoolMXBean() != null) {
            // H2 keeps a database that failed a write closed; connections opened after this open the file again
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
        ActiveMQServer server = server();
        if (server != null && !server.isStarted()) {
            try {
                server.start();
                log.info("The embedded broker is started again on its journal under {}", dataDir.resolve("broker"));
            } catch (Exception e) {
                log.warn("The embedded broker could not be started again yet: {}", firstLine(e));
            }
        }
    }

    private boolean databaseFileExists() {
        try (var files = Files.list(dataDir.resolve("db"))) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".mv.db"));
        } catch (IOException e) {
            return false;
        }
    }

    private ActiveMQServer server() {
        EmbeddedActiveMQ embedded = broker.getIfAvailable();
        return embedded == null ? null : embedded.getActiveMQServer();
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Checking the store failed: {}", firstLine(e));
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ferry-store-check");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(100, every.toMillis());
        executor.scheduleWithFixedDelay(this::checkQuietly, 0, millis, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            // no interrupt: a check caught inside an H2 write would close the database's file channel
            executor.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // the first to stop: a stopping broker or database is not a failed store
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private static boolean localH2File(DataSource dataSource) {
        HikariDataSource hikari = pool(dataSource);
        return hikari != null && isLocalH2File(hikari.getJdbcUrl());
    }

    /** The pool behind the data source Ferry uses, which a wrapper may hide (a bench probe does). */
    private static HikariDataSource pool(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (java.sql.SQLException e) {
            return null;
        }
    }

    /** An H2 database file opened in this JVM (not a server's, not in memory). */
    static boolean isLocalH2File(String url) {
        return url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:")
                && !url.startsWith("jdbc:h2:mem:");
    }

    static String firstLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
