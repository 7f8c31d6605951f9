package dev.ferry.scheduling;

import dev.ferry.orders.PageTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A schedule and its runs as the /schedules pages show them, each already in words. */
final class SchedulePageView {

    record Schedule(String name, String when, String cron, String timeZone, String state, String stateWords,
            boolean paused, boolean inUse, PageTimes.Shown next, PageTimes.Shown previous, List<String> policy, Run lastRun) {
    }

    record Run(long id, PageTimes.Shown planned, PageTimes.Shown started, String duration, String outcome, String outcomeWords,
            String items, String error, boolean failed, boolean running) {
    }

    private static final Map<String, String> STATES = Map.of(
            "NORMAL", "Runs on schedule.",
            "PAUSED", "Paused: it does not run until someone resumes it.",
            "BLOCKED", "A run is going.",
            "ERROR", "Quartz could not run it; the log says why.",
            "COMPLETE", "Its cron has no more fire times.");

    private static final Map<RunOutcome, String> OUTCOMES = Map.of(
            RunOutcome.RUNNING, "Running",
            RunOutcome.OK, "Done",
            RunOutcome.FAILED, "Failed",
            RunOutcome.SKIPPED_OVERLAP, "Skipped: the run before was still going",
            RunOutcome.SKIPPED_PAUSED, "Skipped: the schedule was paused as it fired",
            RunOutcome.MISFIRED, "Missed: Ferry was down or too busy");

    private SchedulePageView() {
    }

    static Schedule of(ScheduleView s, Instant now) {
        String when = CronWords.of(s.cron(), s.timeZone()).orElse("");
        boolean paused = "PAUSED".equals(s.state());
        // Quartz keeps a paused trigger's next fire time, but it does not fire then: the pages show none
        return new Schedule(s.name(), when, s.cron(), s.timeZone(), s.state(), stateWords(s), paused,
                s.inUse(), paused ? PageTimes.NONE : PageTimes.at(s.nextFireTime()), PageTimes.at(s.previousFireTime()), policy(s.policy()),
                s.lastRun() == null ? null : run(s.lastRun(), now));
    }

    static Run run(ScheduleRun r, Instant now) {
        boolean running = r.outcome() == RunOutcome.RUNNING;
        String duration = r.startedAt() == null ? ""
                : running ? "going for " + duration(r.startedAt(), now)
                : r.finishedAt() == null ? "" : duration(r.startedAt(), r.finishedAt());
        String error = r.error() == null ? "" : r.error();
        if (r.pausedSchedule()) {
            error = (error + " This run paused the schedule.").trim();
        }
        return new Run(r.id(), PageTimes.at(r.plannedAt()), PageTimes.at(r.startedAt()), duration, r.outcome().name(),
                OUTCOMES.get(r.outcome()), r.items() == null ? "" : String.valueOf(r.items()), error,
                r.outcome() == RunOutcome.FAILED, running);
    }

    private static String stateWords(ScheduleView s) {
        return s.inUse() ? STATES.getOrDefault(s.state(), "")
                : "Not in use: no route starts with quartz:ferry/" + s.name() + ".";
    }

    private static List<String> policy(SchedulePolicy policy) {
        return List.of(
                "Skips a fire while a run still goes",
                policy.misfire() == SchedulePolicy.Misfire.RUN_ONCE ? "One catch-up run after downtime"
                        : "No catch-up run after downtime",
                policy.pauseAfterFailures() == 0 ? "Never pauses itself"
                        : "Pauses after " + policy.pauseAfterFailures() + " failed runs in a row");
    }

    /** "0.4 s", "12 s", "2 min 5 s", "1 h 3 min": as precise as a person comparing runs needs. */
    static String duration(Instant from, Instant to) {
        long millis = Math.max(0, Duration.between(from, to).toMillis());
        if (millis < 100) {
            return "under 0.1 s";
        }
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
