package dev.ferry.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The run history in {@code schedule_runs}; its unique running_schedule lets one run of a schedule go at a time. */
@Component
class ScheduleRuns {

    private static final Logger log = LoggerFactory.getLogger(ScheduleRuns.class);
    private static final String COLUMNS =
            "id, schedule, planned_at, started_at, finished_at, outcome, items, error, paused_schedule";

    static final Duration SILENT_FOR = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final String node;

    ScheduleRuns(JdbcClient jdbc, @Value("${ferry.node-id:local}") String node) {
        this.jdbc = jdbc;
        this.node = node;
        abandonRunsOfAnEarlierLife();
    }

    /** Claims the schedule for a run; empty if a run of it is still going (anywhere). */
    Optional<Long> start(String schedule, Instant planned, Instant at) {
        Optional<Long> run = claim(schedule, planned, at);
        if (run.isEmpty() && closeRunOfStoppedNode(schedule, at)) {
            run = claim(schedule, planned, at);
        }
        return run;
    }

    private Optional<Long> claim(String schedule, Instant planned, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO schedule_runs (schedule, planned_at, started_at, outcome, running_schedule, node)
                    VALUES (:schedule, :planned, :at, 'RUNNING', :schedule, :node)""")
                    .param("schedule", schedule)
                    .param("planned", timestamp(planned))
                    .param("at", Timestamp.from(at))
                    .param("node", node)
                    .update(key, "id");
        } catch (DuplicateKeyException running) {
            return Optional.empty();
        }
        return Optional.of(key.getKey().longValue());
    }

    /**
     * The run that holds the schedule, if its node has stopped checking in with Quartz (killed, or cut off):
     * it will never finish, so it is recorded as FAILED and the schedule is free. Quartz checks every node in
     * every 7.5 s; a node silent for {@link #SILENT_FOR} is taken for stopped.
     */
    private boolean closeRunOfStoppedNode(String schedule, Instant at) {
        int closed = jdbc.sql("""
                UPDATE schedule_runs SET outcome = 'FAILED', running_schedule = NULL, finished_at = :at,
                       error = 'The node running it stopped during the run.'
                 WHERE running_schedule = :schedule AND node <> :node
                   AND NOT EXISTS (SELECT 1 FROM QRTZ_SCHEDULER_STATE s
                                    WHERE s.INSTANCE_NAME = schedule_runs.node AND s.LAST_CHECKIN_TIME > :alive)""")
                .param("at", Timestamp.from(at))
                .param("schedule", schedule)
                .param("node", node)
                .param("alive", at.minus(SILENT_FOR).toEpochMilli())
                .update();
        if (closed > 0) {
            log.warn("Schedule {}: the run that held it was on a node that stopped checking in; recorded as FAILED",
                    schedule);
        }
        return closed > 0;
    }

    /** A fire that did not run: SKIPPED_OVERLAP or MISFIRED, with why in plain words. */
    void notRun(String schedule, Instant planned, RunOutcome outcome, String why, Instant at) {
        jdbc.sql("""
                INSERT INTO schedule_runs (schedule, planned_at, started_at, finished_at, outcome, error, node)
                VALUES (:schedule, :planned, :at, :at, :outcome, :why, :node)""")
                .param("schedule", schedule)
                .param("planned", timestamp(planned))
                .param("at", Timestamp.from(at))
                .param("outcome", outcome.name())
                .param("why", truncate(why))
                .param("node", node)
                .update();
    }

    /** A claimed run that did not go after all: SKIPPED_PAUSED; it frees the schedule. */
    void withdrawn(long id, RunOutcome outcome, String why, Instant at) {
        finished(id, outcome, null, why, false, at);
    }

    void finished(long id, RunOutcome outcome, Integer items, String error, boolean pausedSchedule, Instant at) {
        jdbc.sql("""
                UPDATE schedule_runs SET outcome = :outcome, running_schedule = NULL, finished_at = :at,
                       items = :items, error = :error, paused_schedule = :paused
                 WHERE id = :id""")
                .param("outcome", outcome.name())
                .param("at", Timestamp.from(at))
                .param("items", items)
                .param("error", truncate(error))
                .param("paused", pausedSchedule)
                .param("id", id)
                .update();
    }

    /**
     * FAILED runs in a row, newest first, up to the last run that did not fail or that paused the schedule,
     * and only runs started after the schedule was last resumed: a resume starts the count afresh. Fires that
     * did not run do not break the row.
     */
    int consecutiveFailures(String schedule, int atMost) {
        List<Boolean[]> runs = jdbc.sql("SELECT outcome, paused_schedule FROM schedule_runs"
                        + " WHERE schedule = :schedule AND outcome IN ('OK', 'FAILED') AND started_at > :since"
                        + " ORDER BY id DESC FETCH FIRST " + Math.max(1, atMost) + " ROWS ONLY")
                .param("schedule", schedule)
                .param("since", Timestamp.from(lastResumed(schedule).orElse(Instant.EPOCH)))
                .query((rs, row) -> new Boolean[] {"FAILED".equals(rs.getString(1)), rs.getBoolean(2)})
                .list();
        int failures = 0;
        for (Boolean[] run : runs) {
            if (!run[0] || run[1]) {
                break;
            }
            failures++;
        }
        return failures;
    }

    /** Who paused, resumed or ran the schedule by hand: PAUSED, RESUMED or RUN_NOW. */
    void recordAction(String schedule, String action, String actor, Instant at) {
        jdbc.sql("INSERT INTO schedule_actions (schedule, action, actor, at) VALUES (:schedule, :action, :actor, :at)")
                .param("schedule", schedule)
                .param("action", action)
                .param("actor", actor.length() <= 200 ? actor : actor.substring(0, 200))
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<Instant> lastResumed(String schedule) {
        return jdbc.sql("SELECT MAX(at) FROM schedule_actions WHERE schedule = :schedule AND action = 'RESUMED'")
                .param("schedule", schedule)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    List<ScheduleRun> recent(String schedule, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM schedule_runs WHERE schedule = :schedule ORDER BY id DESC"
                        + " FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
                .param("schedule", schedule)
                .query(ScheduleRuns::run)
                .list();
    }

    /** Schedule name to its newest run record. */
    Map<String, ScheduleRun> latest() {
        Map<String, ScheduleRun> latest = new HashMap<>();
        jdbc.sql("SELECT " + COLUMNS + " FROM schedule_runs r WHERE id = "
                        + "(SELECT MAX(id) FROM schedule_runs l WHERE l.schedule = r.schedule)")
                .query(ScheduleRuns::run)
                .list()
                .forEach(run -> latest.put(run.schedule(), run));
        return latest;
    }

    // a run this node had going when it stopped will never finish: it failed, and holds the schedule no longer
    private void abandonRunsOfAnEarlierLife() {
        int abandoned = jdbc.sql("""
                UPDATE schedule_runs SET outcome = 'FAILED', running_schedule = NULL, finished_at = :at,
                       error = 'Ferry stopped while this run was going.'
                 WHERE outcome = 'RUNNING' AND node = :node""")
                .param("at", Timestamp.from(Instant.now()))
                .param("node", node)
                .update();
        if (abandoned > 0) {
            log.warn("{} scheduled run(s) were going when Ferry last stopped; they are recorded as FAILED", abandoned);
        }
    }

    private static ScheduleRun run(ResultSet rs, int row) throws SQLException {
        return new ScheduleRun(rs.getLong("id"), rs.getString("schedule"), instant(rs, "planned_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), RunOutcome.valueOf(rs.getString("outcome")),
                rs.getObject("items", Integer.class), rs.getString("error"), rs.getBoolean("paused_schedule"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
