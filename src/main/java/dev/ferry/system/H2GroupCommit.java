package dev.ferry.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.db.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the embedded H2 file. H2 opened with a write delay keeps commits in memory; a thread that
 * committed calls {@link #awaitDurable()}, and one writer thread writes everything committed so far in one chunk
 * (and, with {@code sync}, forces it to the disk) for every thread that waited meanwhile. Each commit is on disk
 * before its caller goes on, as with {@code WRITE_DELAY=0}, but many commits share one write: one chunk per
 * group instead of one per commit, which was most of H2's cost per order (bench/RESULTS.md, cost).
 */
final class H2GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(H2GroupCommit.class);
    private static final long WAIT_SECONDS = 60;

    private final DataSource raw;
    private final boolean sync;
    private final Thread writer;
    private CompletableFuture<Void> next = new CompletableFuture<>();
    private boolean wanted;
    private volatile boolean closed;
    private Store store;
    private long writes;

    H2GroupCommit(DataSource raw, boolean sync) {
        this.raw = raw;
        this.sync = sync;
        this.writer = new Thread(this::writeGroups, "ferry-h2-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    /** Returns once what this thread committed is in the file (synced when {@code sync}). */
    void awaitDurable() throws SQLException {
        CompletableFuture<Void> group;
        synchronized (this) {
            if (closed) {
                return;
            }
            // the group's write starts after this: it holds every commit made before
            group = next;
            wanted = true;
            notifyAll();
        }
        try {
            group.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new SQLNonTransientConnectionException("The database file could not be written: "
                    + StoreMonitor.firstLine(e.getCause()), "08006", e.getCause());
        } catch (TimeoutException e) {
            throw new SQLNonTransientConnectionException("The database file was not written within "
                    + WAIT_SECONDS + " s", "08006", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLNonTransientConnectionException("Interrupted while the database file was written", "08006", e);
        }
    }

    /** How many group writes were made so far. */
    synchronized long writes() {
        return writes;
    }

    private void writeGroups() {
        while (true) {
            CompletableFuture<Void> group;
            synchronized (this) {
                while (!wanted && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        closed = true;
                    }
                }
                if (closed && !wanted) {
                    return;
                }
                wanted = false;
                group = next;
                next = new CompletableFuture<>();
            }
            try {
                write();
                synchronized (this) {
                    writes++;
                }
                group.complete(null);
            } catch (RuntimeException | SQLException e) {
                group.completeExceptionally(e);
            }
        }
    }

    private void write() throws SQLException {
        Store store = store();
        if (store == null) {
            return;
        }
        if (sync) {
            store.sync();
        } else {
            store.flush();
        }
    }

    /**
     * The store of the open database. Kept between writes: a connection from the pool for each write could wait
     * for one of the connections whose committers wait for this write. Looked up again once H2 closed it (after a
     * failed write the pool's new connections open the file again).
     */
    private Store store() throws SQLException {
        if (store == null || store.getMvStore().isClosed()) {
            store = null;
            try (Connection connection = raw.getConnection()) {
                if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session
                        && session.getDatabase().isPersistent()) {
                    store = session.getDatabase().getStore();
                }
            }
        }
        return store == null || store.getMvStore().isClosed() ? null : store;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            next.complete(null);
        }
        log.debug("H2 group commit stopped");
    }
}
