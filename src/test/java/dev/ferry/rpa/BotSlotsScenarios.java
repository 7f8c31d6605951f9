package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What {@link BotSlots} promises, against a real database: two instances with their own node ids on one
 * database stand for two Ferry nodes. {@link BotSlotsTests} runs these on H2, {@code BotSlotsPostgresIT}
 * on PostgreSQL.
 */
abstract class BotSlotsScenarios {

    // short, for quick tests, yet five renewals to a lease: a busy shared machine delays some renewals
    static final Duration LEASE = Duration.ofMillis(2000);
    static final Duration RENEW_EVERY = Duration.ofMillis(400);

    private final List<BotSlots> nodes = new ArrayList<>();
    /** Node ids of this test's own, as each test leaves slots behind on the shared database. */
    private final String tag = UUID.randomUUID().toString().substring(0, 6) + "-";

    /** The database, migrated by Flyway from {@code db/migration/common}. */
    abstract HikariDataSource database();

    static List<MigrationInfo> migrate(HikariDataSource database) {
        Flyway flyway = Flyway.configure().dataSource(database).locations("classpath:db/migration/common").load();
        flyway.migrate();
        return List.of(flyway.info().applied());
    }

    static HikariDataSource pool(String url, String user) {
        HikariDataSource database = new HikariDataSource();
        database.setJdbcUrl(url);
        database.setUsername(user);
        database.setPassword("");
        database.setMaximumPoolSize(20);
        return database;
    }

    @AfterEach
    void stopNodes() {
        nodes.forEach(BotSlots::close);
    }

    @Test
    void aSlotTakenByOneNodeIsFreeForAnotherOnceReleased() {
        String system = system();
        BotSlots a = node("a");
        BotSlots b = node("b");

        BotSlots.Slot slot = a.tryTake(system, 1, run()).orElseThrow();
        assertThat(b.tryTake(system, 1, run())).isEmpty();
        assertThat(a.holders(system)).extracting(BotSlots.Holder::node).containsExactly(tag + "a");

        slot.close();
        assertThat(b.tryTake(system, 1, run())).isPresent();
    }

    @Test
    void twoNodesNeverHoldMoreSlotsThanTheLimitUnderContention() throws Exception {
        String system = system();
        int limit = 2;
        List<BotSlots> both = List.of(node("a"), node("b"));
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                BotSlots node = both.get(t % 2);
                runs.add(threads.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        try (BotSlots.Slot slot = node.take(system, limit, run(), Duration.ofSeconds(60)).orElseThrow()) {
                            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                            // the run's work: hold the slot a moment so that runs on both nodes overlap
                            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                            assertThat(slot.held()).isTrue();
                            inFlight.decrementAndGet();
                        }
                        done.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(done).hasValue(120);
        assertThat(most.get()).as("runs holding a slot at once").isEqualTo(limit);
        assertThat(both.get(0).holders(system)).isEmpty();
    }

    @Test
    void aRunningRunKeepsItsSlotLongAfterTheLeaseBecauseItIsRenewed() throws Exception {
        String system = system();
        BotSlots.Slot slot = node("a").tryTake(system, 1, run()).orElseThrow();

        // held, and out of another node's reach, all through two leases and a renewal
        BotSlots b = node("b");
        await().during(LEASE.multipliedBy(2).plus(RENEW_EVERY)).atMost(LEASE.multipliedBy(4))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> slot.held() && b.tryTake(system, 1, run()).isEmpty());
    }

    @Test
    void aDeadNodesSlotIsTakenOverOnceItsLeaseRunsOutAndNotBefore() throws Exception {
        String system = system();
        BotSlots dead = node("dead");
        BotSlots.Slot slot = dead.tryTake(system, 1, run()).orElseThrow();
        dead.close(); // kill -9: no more renewals, and the slot is never freed
        BotSlots b = node("b");

        assertThat(b.tryTake(system, 1, run())).as("the lease still holds").isEmpty();
        long waiting = System.nanoTime();
        Optional<BotSlots.Slot> taken = b.take(system, 1, run(), LEASE.multipliedBy(4));
        long waited = Duration.ofNanos(System.nanoTime() - waiting).toMillis();

        assertThat(taken).as("taken over within four leases").isPresent();
        assertThat(waited).isLessThan(LEASE.multipliedBy(2).toMillis());
        assertThat(b.holders(system)).extracting(BotSlots.Holder::node).containsExactly(tag + "b");
        assertThat(slot.held()).as("the dead node's own view once its lease is over").isFalse();
    }

    @Test
    void aRunWhoseSlotWasTakenOverLearnsItHasLostIt() throws Exception {
        String system = system();
        BotSlots paused = node("paused");
        BotSlots.Slot slot = paused.tryTake(system, 1, run()).orElseThrow();
        paused.close(); // a long pause: the renewer stops
        node("b").take(system, 1, run(), LEASE.multipliedBy(4)).orElseThrow();

        paused.renew(); // the node wakes up and renews

        assertThat(slot.held()).isFalse();
    }

    @Test
    void waitingForASlotEndsEmptyWhenNoneComesFreeInTime() {
        String system = system();
        node("a").tryTake(system, 1, run()).orElseThrow();

        long waiting = System.nanoTime();
        Optional<BotSlots.Slot> none = node("b").take(system, 1, run(), Duration.ofMillis(400));

        assertThat(none).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - waiting)).isBetween(Duration.ofMillis(400), Duration.ofSeconds(3));
    }

    @Test
    void aRestartedNodeFreesTheSlotsItHeldWhenItDied() {
        String system = system();
        BotSlots before = node("a");
        before.tryTake(system, 2, run()).orElseThrow();
        before.tryTake(system, 2, run()).orElseThrow();
        before.close();

        assertThat(node("a").releaseLeftBehind()).isEqualTo(2);
        assertThat(node("b").tryTake(system, 2, run())).isPresent();
    }

    @Test
    void eachSystemHasSlotsOfItsOwn() {
        String portal = system();
        String other = system();
        BotSlots a = node("a");
        a.tryTake(portal, 1, run()).orElseThrow();

        assertThat(node("b").tryTake(other, 1, run())).isPresent();
        assertThat(node("b").tryTake(portal, 1, run())).isEmpty();
    }

    @Test
    void takingAndFreeingASlotWaitsForNothing() {
        String system = system();
        BotSlots a = node("a");
        a.tryTake(system, 2, run()).orElseThrow().close(); // adds the rows, warms the pool
        int rounds = 200;
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            a.tryTake(system, 2, run()).orElseThrow().close();
        }
        double each = (System.nanoTime() - started) / 1e6 / rounds;

        System.out.printf("%s: taking and freeing a bot slot took %.2f ms per run (%d rounds)%n",
                getClass().getSimpleName(), each, rounds);
        // not a speed test (the machine may be busy): this catches a lock wait or a lease held past its release
        assertThat(each).isLessThan(250.0);
    }

    private BotSlots node(String id) {
        BotSlots node = new BotSlots(JdbcClient.create(database()), tag + id, LEASE, RENEW_EVERY);
        nodes.add(node);
        return node;
    }

    private static String system() {
        return "portal-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String run() {
        return UUID.randomUUID().toString();
    }
}
