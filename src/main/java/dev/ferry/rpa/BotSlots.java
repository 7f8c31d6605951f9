package dev.ferry.rpa;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A legacy system's concurrency limit across every node on the database: its slots 1..limit are rows of
 * {@code bot_slots}. A run takes a slot that is free or whose lease ran out with one conditional UPDATE,
 * so of the nodes that try at once one wins (the row lock decides, not memory); the slot's lease is
 * renewed every {@code renewEvery} while the run goes, and the slot is freed when it ends. A node killed
 * with a slot loses it once the lease runs out. Times are the database's, so nodes' clocks need not agree.
 */
@Component
class BotSlots {

    private static final Logger log = LoggerFactory.getLogger(BotSlots.class);
    private static final String UNTIL = "CURRENT_TIMESTAMP + CAST(:leaseMs AS INTEGER) * INTERVAL '0.001' SECOND";
    private static final long FIRST_POLL_MS = 20;

    private final JdbcClient jdbc;
    private final String node;
    private final Duration lease;
    private final Duration renewEvery;
    private final Map<String, Slot> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer;

    @Autowired
    BotSlots(JdbcClient jdbc, RpaSettings settings, @Value("${ferry.node-id}") String node) {
        this(jdbc, node, settings.slotLease(), settings.slotRenewEvery());
    }

    BotSlots(JdbcClient jdbc, String node, Duration lease, Duration renewEvery) {
        this.jdbc = jdbc;
        this.node = node;
        this.lease = lease;
        this.renewEvery = renewEvery;
        this.renewer = Executors.newSingleThreadScheduledExecutor(job -> {
            Thread thread = new Thread(job, "bot-slot-renewer");
            thread.setDaemon(true);
            return thread;
        });
        renewer.scheduleWithFixedDelay(this::renew, renewEvery.toMillis(), renewEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One run's slot of its system; {@link #close()} frees it. */
    final class Slot implements AutoCloseable {

        private final String system;
        private final int number;
        private final String holder;
        private volatile long renewedAt;
        private volatile boolean lost;

        private Slot(String system, int number, String holder, long renewedAt) {
            this.system = system;
            this.number = number;
            this.holder = holder;
            this.renewedAt = renewedAt;
        }

        int number() {
            return number;
        }

        /**
         * Whether the run may still count on the slot: its last renewal is younger than the lease (by this
         * JVM's clock, from before the renewal was sent) and no renewal found it taken.
         */
        boolean held() {
            return !lost && System.nanoTime() - renewedAt < lease.toNanos();
        }

        @Override
        public void close() {
            release(this);
        }
    }

    /** Who holds a slot of a system now, for the message of a run that found none free. */
    record Holder(int slot, String node, String run, Instant until) {
    }

    /** A slot of the system for the holder (a run id) if one is free now, of the lowest {@code limit}. */
    Optional<Slot> tryTake(String system, int limit, String holder) {
        List<Row> rows = rows(system, limit);
        for (Row row : rows) {
            if (row.holder() != null && !row.expired()) {
                continue;
            }
            long sent = System.nanoTime();
            int taken = jdbc.sql("UPDATE bot_slots SET holder = :holder, node = :node, taken_at = CURRENT_TIMESTAMP,"
                            + " lease_until = " + UNTIL + " WHERE system = :system AND slot = :slot"
                            + " AND (holder IS NULL OR lease_until < CURRENT_TIMESTAMP)")
                    .param("holder", holder).param("node", node).param("leaseMs", lease.toMillis())
                    .param("system", system).param("slot", row.slot())
                    .update();
            if (taken == 1) {
                if (row.holder() != null) {
                    log.warn("Took over slot {} of {} from node {} (run {}), whose lease ran out at {}", row.slot(),
                            system, row.node(), row.holder(), row.until());
                }
                Slot slot = new Slot(system, row.slot(), holder, sent);
                held.put(holder, slot);
                return Optional.of(slot);
            }
        }
        return Optional.empty();
    }

    /**
     * A slot of the system for the holder, waiting up to {@code wait} for one to come free: polling, from
     * {@value #FIRST_POLL_MS} ms doubling up to the renewal interval (at most a second), with jitter so that
     * waiting nodes do not ask in step. Empty if none came free in time or the thread was interrupted.
     */
    Optional<Slot> take(String system, int limit, String holder, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        long pause = FIRST_POLL_MS;
        long longest = Math.max(FIRST_POLL_MS, Math.min(1000, renewEvery.toMillis()));
        while (true) {
            Optional<Slot> slot = tryTake(system, limit, holder);
            // in nanoseconds: whole milliseconds would give up with up to one still to wait
            long leftNanos = deadline - System.nanoTime();
            if (slot.isPresent() || leftNanos <= 0) {
                return slot;
            }
            long leftMillis = TimeUnit.NANOSECONDS.toMillis(leftNanos + TimeUnit.MILLISECONDS.toNanos(1) - 1);
            try {
                Thread.sleep(Math.min(leftMillis, pause / 2 + ThreadLocalRandom.current().nextLong(pause / 2 + 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
            pause = Math.min(longest, pause * 2);
        }
    }

    /** The slots of the system that are held and not run out. */
    List<Holder> holders(String system) {
        return jdbc.sql("SELECT slot, node, holder, lease_until FROM bot_slots WHERE system = :system"
                        + " AND holder IS NOT NULL AND lease_until >= CURRENT_TIMESTAMP ORDER BY slot")
                .param("system", system)
                .query((rs, n) -> new Holder(rs.getInt("slot"), rs.getString("node"), rs.getString("holder"),
                        rs.getTimestamp("lease_until").toInstant()))
                .list();
    }

    /** Extends the lease of every slot this node holds; a slot found taken by another is lost. */
    void renew() {
        for (Slot slot : held.values()) {
            long sent = System.nanoTime();
            try {
                int renewed = jdbc.sql("UPDATE bot_slots SET lease_until = " + UNTIL
                                + " WHERE system = :system AND slot = :slot AND holder = :holder")
                        .param("leaseMs", lease.toMillis()).param("system", slot.system).param("slot", slot.number)
                        .param("holder", slot.holder)
                        .update();
                if (renewed == 1) {
                    slot.renewedAt = sent;
                } else if (held.remove(slot.holder, slot)) {
                    slot.lost = true;
                    log.error("Bot run {} lost slot {} of {}: its lease ran out before it was renewed and another "
                            + "run took the slot. Is ferry.rpa.slot-lease ({}) long enough for this node's pauses?",
                            slot.holder, slot.number, slot.system, lease);
                }
            } catch (RuntimeException e) {
                log.warn("Could not renew slot {} of {} for bot run {}: {}", slot.number, slot.system, slot.holder,
                        e.getMessage());
            }
        }
    }

    /**
     * A node that starts holds no slot: slots under its name were left by a crash, and are freed now rather
     * than when their lease runs out. This relies on every node having its own {@code ferry.node-id}.
     */
    @PostConstruct
    void start() {
        releaseLeftBehind();
    }

    /** Frees the slots held under this node's name; returns how many. */
    int releaseLeftBehind() {
        int released = jdbc.sql("UPDATE bot_slots SET holder = NULL, node = NULL, taken_at = NULL, lease_until = NULL"
                + " WHERE node = :node").param("node", node).update();
        if (released > 0) {
            log.info("Freed {} bot slot(s) that node {} held when it stopped", released, node);
        }
        return released;
    }

    private void release(Slot slot) {
        held.remove(slot.holder, slot);
        try {
            jdbc.sql("UPDATE bot_slots SET holder = NULL, node = NULL, taken_at = NULL, lease_until = NULL"
                            + " WHERE system = :system AND slot = :slot AND holder = :holder")
                    .param("system", slot.system).param("slot", slot.number).param("holder", slot.holder)
                    .update();
        } catch (RuntimeException e) {
            // the lease runs out on its own; until then the system has one slot fewer
            log.warn("Could not free slot {} of {} held by bot run {}: {}", slot.number, slot.system, slot.holder,
                    e.getMessage());
        }
    }

    /** A slot as read: free ({@code holder} null), held, or held with its lease run out ({@code expired}). */
    private record Row(int slot, String holder, String node, Instant until, boolean expired) {
    }

    /** Slots 1..limit of the system, added where missing, from a random one on so that nodes spread out. */
    private List<Row> rows(String system, int limit) {
        List<Row> read = read(system, limit);
        if (read.size() < limit) {
            IntStream.rangeClosed(1, limit).filter(n -> read.stream().noneMatch(r -> r.slot() == n))
                    .forEach(n -> add(system, n));
            return rows(system, limit);
        }
        int from = ThreadLocalRandom.current().nextInt(read.size());
        List<Row> rows = new ArrayList<>(read.subList(from, read.size()));
        rows.addAll(read.subList(0, from));
        return rows;
    }

    private List<Row> read(String system, int limit) {
        return jdbc.sql("SELECT slot, holder, node, lease_until, CASE WHEN lease_until < CURRENT_TIMESTAMP THEN 1"
                        + " ELSE 0 END AS expired FROM bot_slots WHERE system = :system AND slot <= :limit ORDER BY slot")
                .param("system", system).param("limit", limit)
                .query((rs, n) -> {
                    Timestamp until = rs.getTimestamp("lease_until");
                    return new Row(rs.getInt("slot"), rs.getString("holder"), rs.getString("node"),
                            until == null ? null : until.toInstant(), rs.getInt("expired") == 1);
                })
                .list();
    }

    private void add(String system, int slot) {
        try {
            jdbc.sql("INSERT INTO bot_slots (system, slot) VALUES (:system, :slot)")
                    .param("system", system).param("slot", slot)
                    .update();
        } catch (DuplicateKeyException addedByAnotherNode) {
            // the primary key keeps one row per slot
        }
    }

    // no interrupt: a renewal caught inside an H2 write would have its file channel closed under it, and H2
    // then closes the whole database (every test and every component after it sees "The database has been closed")
    @PreDestroy
    void close() {
        renewer.shutdown();
        try {
            renewer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
