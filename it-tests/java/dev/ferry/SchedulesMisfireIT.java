package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ferry stops, three fires pass while it is down, and Ferry starts again on the same data directory: the
 * schedule with misfire run-once catches up with one run at once, the one with skip waits for its next
 * fire. Both record the missed fire as MISFIRED.
 */
class SchedulesMisfireIT {

    private static final int EVERY = 4;
    private static final String CRON = "0/" + EVERY + " * * * * ?";

    record Run(long id, String schedule, Instant planned, String outcome) {
        boolean onTheCron() {
            return planned.getNano() == 0 && planned.getEpochSecond() % EVERY == 0;
        }
    }

    @Test
    void afterDowntimeRunOnceCatchesUpOnceAndSkipWaitsForTheNextFire() throws IOException {
        String dataDir = Files.createTempDirectory("ferry-misfire-it-").toString();

        Instant stopped;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                    ok(runs(first, "catch-up-sync")) > 0 && ok(runs(first, "skip-ahead-sync")) > 0);
            stopped = Instant.now();
        }
        // down across three fire times, the last of them missed by more than the misfire threshold (5 s)
        Instant missedFire = Instant.ofEpochSecond((stopped.getEpochSecond() / EVERY + 1) * EVERY);
        Instant thirdMissedFire = missedFire.plusSeconds(2 * EVERY);
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().isAfter(thirdMissedFire.plusSeconds(6)));
        Instant restarted = Instant.now();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                    okAfterMisfire(runs(second, "catch-up-sync")) != null
                            && okAfterMisfire(runs(second, "skip-ahead-sync")) != null);

            Run catchUp = okAfterMisfire(runs(second, "catch-up-sync"));
            Run nextFire = okAfterMisfire(runs(second, "skip-ahead-sync"));
            // run-once: Quartz fires at once, at the moment it found the misfire, off the cron's grid
            assertThat(catchUp.onTheCron()).isFalse();
            // skip: the first run after the restart is a regular fire of the cron
            assertThat(nextFire.onTheCron()).isTrue();
            for (String schedule : List.of("catch-up-sync", "skip-ahead-sync")) {
                Run misfired = firstMisfire(runs(second, schedule));
                assertThat(misfired.planned()).isAfterOrEqualTo(missedFire.minusSeconds(EVERY)).isBeforeOrEqualTo(missedFire);
                assertThat(misfired.onTheCron()).isTrue();
                // none of the three missed fires ran on its own, late
                assertThat(runs(second, schedule)).filteredOn(run -> run.outcome().equals("OK"))
                        .noneMatch(run -> run.onTheCron() && run.planned().isAfter(stopped) && run.planned().isBefore(restarted));
            }
            // one catch-up for the three missed fires; skip makes none
            assertThat(runs(second, "catch-up-sync").stream()
                    .filter(run -> run.outcome().equals("OK") && !run.onTheCron())).hasSize(1);
            assertThat(runs(second, "skip-ahead-sync").stream()
                    .filter(run -> run.outcome().equals("OK") && !run.onTheCron())).isEmpty();
            assertThat(misfireInstruction(second, "catch-up-sync")).isEqualTo(1);
            assertThat(misfireInstruction(second, "skip-ahead-sync")).isEqualTo(2);
        }
    }

    private static ConfigurableApplicationContext start(String dataDir) {
        return new SpringApplicationBuilder(FerryApplication.class).run(
                "--server.port=0",
                "--ferry.data-dir=" + dataDir,
                "--ferry.sandbox.crm.trickle-initial=0",
                "--ferry.sandbox.crm.trickle-max=0",
                "--ferry.schedules.crm-order-pull.cron=0 0 0 1 1 ? 2099",
                "--camel.main.routes-include-pattern=file:${ferry.home}/routes/*.yaml,classpath:misfire-it/*.yaml",
                "--ferry.schedules.catch-up-sync.cron=" + CRON,
                "--ferry.schedules.catch-up-sync.misfire=run-once",
                "--ferry.schedules.skip-ahead-sync.cron=" + CRON,
                "--ferry.schedules.skip-ahead-sync.misfire=skip",
                "--spring.quartz.properties.org.quartz.jobStore.misfireThreshold=5000");
    }

    private static List<Run> runs(ConfigurableApplicationContext context, String schedule) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT id, schedule, planned_at, outcome FROM schedule_runs WHERE schedule = :s ORDER BY id")
                .param("s", schedule)
                .query((rs, row) -> new Run(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
                .list();
    }

    private static int misfireInstruction(ConfigurableApplicationContext context, String schedule) {
        return context.getBean(JdbcClient.class)
                .sql("SELECT misfire_instr FROM qrtz_triggers WHERE trigger_name = :s AND trigger_group = 'ferry'")
                .param("s", schedule).query(Integer.class).single();
    }

    private static long ok(List<Run> runs) {
        return runs.stream().filter(run -> run.outcome().equals("OK")).count();
    }

    private static Run firstMisfire(List<Run> runs) {
        return runs.stream().filter(run -> run.outcome().equals("MISFIRED")).findFirst().orElseThrow();
    }

    /** The first OK run recorded after the first MISFIRED record, or null. */
    private static Run okAfterMisfire(List<Run> runs) {
        Long misfire = runs.stream().filter(run -> run.outcome().equals("MISFIRED")).map(Run::id).findFirst().orElse(null);
        return misfire == null ? null : runs.stream().filter(run -> run.id() > misfire && run.outcome().equals("OK"))
                .findFirst().orElse(null);
    }
}
