package dev.ferry.scheduling;

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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** The schedules as Quartz holds them, with their policy from config/: read, pause, resume, run now. */
@Component
class ScheduleControl {

    /** The Quartz group of Ferry's schedules: routes start with {@code quartz:ferry/<name>}. */
    static final String GROUP = "ferry";

    private static final Logger log = LoggerFactory.getLogger(ScheduleControl.class);

    private final SchedulingSettings settings;
    private final Scheduler scheduler;
    private final ApplicationEventPublisher events;

    ScheduleControl(SchedulingSettings settings, Scheduler scheduler, ApplicationEventPublisher events) {
        this.settings = settings;
        this.scheduler = scheduler;
        this.events = events;
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

    /** False if no route uses the schedule. */
    boolean pause(String name) throws SchedulerException {
        if (scheduler.getTrigger(key(name)) == null) {
            return false;
        }
        scheduler.pauseTrigger(key(name));
        log.info("Schedule {} paused", name);
        return true;
    }

    boolean resume(String name) throws SchedulerException {
        if (scheduler.getTrigger(key(name)) == null) {
            return false;
        }
        scheduler.resumeTrigger(key(name));
        log.info("Schedule {} resumed", name);
        return true;
    }

    /** One run now, under the same policy as a scheduled fire (it is skipped if a run is still going). */
    boolean runNow(String name) throws SchedulerException {
        Trigger trigger = scheduler.getTrigger(key(name));
        if (trigger == null) {
            return false;
        }
        JobKey job = trigger.getJobKey();
        scheduler.triggerJob(job);
        log.info("Schedule {} run now on request", name);
        return true;
    }

    // the seam for the inbox: SchedulePaused is published for whoever wants to tell a person
    void pauseAfterFailures(String name, int failures, String lastError) {
        try {
            scheduler.pauseTrigger(key(name));
        } catch (SchedulerException e) {
            log.error("Schedule {} failed {} times in a row but could not be paused", name, failures, e);
            return;
        }
        log.warn("Schedule {} paused itself after {} failed runs in a row. The last: \"{}\" Resume it with"
                + " POST /api/schedules/{}/resume once the cause is fixed", name, failures, lastError, name);
        events.publishEvent(new SchedulePaused(name, failures, lastError, Instant.now()));
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
