package dev.ferry.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** One run of a schedule at a time across nodes, and a run of a node that stopped does not hold it forever. */
class ScheduleRunsTests {

    private JdbcClient jdbc;
    private ScheduleRuns nodeA;
    private ScheduleRuns nodeB;

    @BeforeEach
    void database() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        nodeA = new ScheduleRuns(jdbc, "node-a");
        nodeB = new ScheduleRuns(jdbc, "node-b");
    }

    @Test
    void aRunGoingOnALiveNodeHoldsTheScheduleForEveryOtherNode() {
        Instant now = Instant.now();
        checkIn("node-a", now);

        assertThat(nodeA.start("sync", now, now)).isPresent();
        assertThat(nodeB.start("sync", now.plusSeconds(1), now.plusSeconds(1))).isEmpty();
    }

    @Test
    void aRunOfANodeThatStoppedCheckingInIsClosedAndTheScheduleTakenOver() {
        Instant now = Instant.now();
        checkIn("node-a", now.minusSeconds(60));
        long held = nodeA.start("sync", now.minusSeconds(40), now.minusSeconds(40)).orElseThrow();

        assertThat(nodeB.start("sync", now, now)).isPresent();

        var closed = nodeB.recent("sync", 10).stream().filter(run -> run.id() == held).findFirst().orElseThrow();
        assertThat(closed.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(closed.error()).isEqualTo("The node running it stopped during the run.");
    }

    @Test
    void aFireWithdrawnAsSkippedPausedIsRecordedAndFreesTheSchedule() {
        Instant now = Instant.now();
        long withdrawn = nodeA.start("sync", now, now).orElseThrow();

        nodeA.withdrawn(withdrawn, RunOutcome.SKIPPED_PAUSED, "The schedule was paused as this fire came.", now);

        var run = nodeA.recent("sync", 10).get(0);
        assertThat(run.outcome()).isEqualTo(RunOutcome.SKIPPED_PAUSED);
        assertThat(run.finishedAt()).isNotNull();
        assertThat(nodeA.start("sync", now.plusSeconds(1), now.plusSeconds(1))).isPresent();
        // a fire that did not run does not break a row of failures
        assertThat(nodeA.consecutiveFailures("sync", 3)).isZero();
    }

    private void checkIn(String node, Instant at) {
        jdbc.sql("INSERT INTO QRTZ_SCHEDULER_STATE (SCHED_NAME, INSTANCE_NAME, LAST_CHECKIN_TIME, CHECKIN_INTERVAL)"
                        + " VALUES ('ferry', :node, :at, 7500)")
                .param("node", node).param("at", at.toEpochMilli()).update();
    }
}
