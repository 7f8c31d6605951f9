package dev.ferry.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Does for an embedded H2 file what H2's own background writer would: rewrites half-empty chunks so that
 * their space can be used again. Ferry opens H2 with {@code WRITE_DELAY=0} (a commit is on disk when it
 * returns, so a 202 survives a crash), and H2 then starts no background writer at all
 * (h2database/h2database#442): every commit appends a chunk, the pages still live in old chunks keep
 * them from being freed, and the file grows by hundreds of KB per order while the free-space search at
 * each commit gets slower. Nothing happens on PostgreSQL or an in-memory H2.
 */
@Component
class H2Housekeeping implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(H2Housekeeping.class);

    private final DataSource dataSource;
    private final Duration every;
    private final int targetFillRate;
    private final int writeLimitBytes;
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private volatile boolean warned;

    H2Housekeeping(DataSource dataSource,
                   @Value("${ferry.h2.housekeeping.every:2s}") Duration every,
                   @Value("${ferry.h2.housekeeping.target-fill-rate:80}") int targetFillRate,
                   @Value("${ferry.h2.housekeeping.write-limit-bytes:4194304}") int writeLimitBytes) {
        this.dataSource = dataSource;
        this.every = every;
        this.targetFillRate = targetFillRate;
        this.writeLimitBytes = writeLimitBytes;
    }

    @Override
    public void start() {
        if (every.isZero() || every.isNegative() || store().isEmpty()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ferry-h2-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        long millis = every.toMillis();
        executor.scheduleWithFixedDelay(this::compact, millis, millis, TimeUnit.MILLISECONDS);
        running = true;
        log.info("H2 file store: half-empty chunks are rewritten every {} (fill rate below {} %)", every, targetFillRate);
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            // no interrupt: a compaction interrupted inside a write closes H2's file channel, and with it the
            // database, while the rest of Ferry is still stopping (settling orders, releasing claims)
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    // stops before the data source closes, starts after it is there
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    void compact() {
        try {
            store().ifPresent(store -> {
                if (!store.isClosed()) {
                    store.compact(targetFillRate, writeLimitBytes);
                }
            });
        } catch (RuntimeException e) {
            // a failed rewrite leaves the old chunks as they were; the next round tries again
            if (!warned) {
                warned = true;
                log.warn("H2 file store: rewriting half-empty chunks failed; the file may grow until restart", e);
            }
        }
    }

    /** The MVStore behind the data source when it is an H2 database file opened in this JVM. */
    Optional<MVStore> store() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)) {
                return Optional.empty();
            }
            JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
            if (!(h2.getSession() instanceof SessionLocal local) || !local.getDatabase().isPersistent()) {
                return Optional.empty();
            }
            Store store = local.getDatabase().getStore();
            return Optional.ofNullable(store).map(Store::getMvStore);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }
}
