package dev.ferry.scheduling;

import dev.ferry.inbox.Notice;
import dev.ferry.inbox.Notices;
import dev.ferry.inbox.FlagCategory;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The schedules as Quartz holds them, with their policy from config/: read, pause, resume, run now. */
@Component
class ScheduleControl {

    /** The Quartz group of Ferry's schedules: routes start with {@code quartz:ferry/<name>}. */
    static final String GROUP = "ferry";

    private static final Logger log = LoggerFactory.getLogger(ScheduleControl.class);

    private final SchedulingSettings settings;
    private final Scheduler scheduler;
    private final ScheduleRuns runs;
    private final Notices notices;
    private final Clock clock = Clock.systemUTC();

    ScheduleControl(SchedulingSettings settings, Scheduler scheduler, ScheduleRuns runs, Notices notices) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.runs = runs;
        this.notices = notices;
    }

    record View(String name, String cron, String timeZone, Instant nextFireTime, Instant previousFireTime,
            String state, SchedulePolicy policy) {
    }

    SchedulePolicy policy(String name) {
        SchedulingSettings.Schedule schedule = settings.schedule(name);
        return schedule == null ? SchedulePolicy.DEFAULT : schedule.policy();
    }

    /** Every configured schedule; state NONE for one that no route uses. */
    List<View> list() {
        return settings.schedules().keySet().stream().map(name -> find(name).orElseThrow()).toList();
    }

    Optional<View> find(String name) {
        SchedulingSettings.Schedule schedule = settings.schedule(name);
        if (schedule == null) {
            return Optional.empty();
        }
        try {
            Trigger trigger = scheduler.getTrigger(key(name));
            if (trigger == null) {
                return Optional.of(new View(name, schedule.cron(), schedule.timeZone(), null, null, "NONE",
                        schedule.policy()));
            }
            String cron = trigger instanceof CronTrigger c ? c.getCronExpression() : schedule.cron();
            TimeZone zone = trigger instanceof CronTrigger c ? c.getTimeZone() : null;
            return Optional.of(new View(name, cron, zone == null ? schedule.timeZone() : zone.getID(),
                    instant(trigger.getNextFireTime()), instant(trigger.getPreviousFireTime()),
                    scheduler.getTriggerState(trigger.getKey()).name(), schedule.policy()));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz cannot read the schedule " + name, e);
        }
    }

    boolean paused(String name) {
        try {
            Trigger.TriggerState state = scheduler.getTriggerState(key(name));
            return state == Trigger.TriggerState.PAUSED;
        } catch (SchedulerException e) {
            throw new IllegalStateException("Quartz cannot read the state of the schedule " + name, e);
        }
    }

    /** False if no route uses the schedule. */
    boolean pause(String name, String actor) throws SchedulerException {
        if (scheduler.getTrigger(key(name)) == null) {
            return false;
        }
        scheduler.pauseTrigger(key(name));
        runs.recordAction(name, "PAUSED", actor, clock.instant());
        log.info("Schedule {} paused by {}", name, actor);
        return true;
    }

    /**
     * Fires again from the next fire time on, with the count of failures in a row started afresh; the inbox
     * item of a schedule that had paused itself is resolved.
     */
    boolean resume(String name, String actor) throws SchedulerException {
        if (scheduler.getTrigger(key(name)) == null) {
            return false;
        }
        runs.recordAction(name, "RESUMED", actor, clock.instant());
        scheduler.resumeTrigger(key(name));
        notices.resolve(subject(name), actor, "Resumed the schedule.");
        log.info("Schedule {} resumed by {}", name, actor);
        return true;
    }

    /** One run now, under the same policy as a scheduled fire (it is skipped if a run is still going). */
    boolean runNow(String name, String actor) throws SchedulerException {
        Trigger trigger = scheduler.getTrigger(key(name));
        if (trigger == null) {
            return false;
        }
        JobKey job = trigger.getJobKey();
        runs.recordAction(name, "RUN_NOW", actor, clock.instant());
        scheduler.triggerJob(job);
        log.info("Schedule {} run now on request of {}", name, actor);
        return true;
    }

    /** Pauses the schedule and tells a person through the inbox: nobody watches an unattended job. */
    void pauseAfterFailures(String name, int failures, String lastError) {
        try {
            scheduler.pauseTrigger(key(name));
        } catch (SchedulerException e) {
            log.error("Schedule {} failed {} times in a row but could not be paused", name, failures, e);
            return;
        }
        log.warn("Schedule {} paused itself after {} failed runs in a row. The last: \"{}\" Resume it with"
                + " POST /api/schedules/{}/resume once the cause is fixed", name, failures, lastError, name);
        notices.raise(new Notice(subject(name), FlagCategory.SCHEDULE_PAUSED, "schedule",
                "Schedule " + name + " paused itself",
                "The schedule " + name + " failed " + failures + " times in a row, so Ferry paused it; it will not run"
                        + " again until it is resumed. The last failure: " + lastError,
                "Paused at " + clock.instant() + " after " + failures + " consecutive FAILED runs; see GET /api/schedules/"
                        + name + "/runs for each run's error.", null));
    }

    static String subject(String name) {
        return "schedule:" + name;
    }

    Map<String, SchedulingSettings.Schedule> configured() {
        return settings.schedules();
    }

    static TriggerKey key(String name) {
        return new TriggerKey(name, GROUP);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
