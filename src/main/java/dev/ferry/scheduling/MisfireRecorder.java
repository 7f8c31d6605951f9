package dev.ferry.scheduling;

import java.time.Instant;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;

/**
 * Quartz tells this listener of a missed fire before it applies the trigger's misfire instruction, so the
 * missed fire time is still the trigger's next fire time: it becomes a MISFIRED record of the schedule.
 */
class MisfireRecorder extends TriggerListenerSupport {

    private final ScheduleRuns runs;

    MisfireRecorder(ScheduleRuns runs) {
        this.runs = runs;
    }

    @Override
    public String getName() {
        return "ferry-misfires";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        if (!ScheduleControl.GROUP.equals(trigger.getKey().getGroup())) {
            return;
        }
        Instant planned = trigger.getNextFireTime() == null ? null : trigger.getNextFireTime().toInstant();
        String why = SchedulePolicy.Misfire.of(trigger.getMisfireInstruction()) == SchedulePolicy.Misfire.SKIP
                ? "Missed while Ferry was not running (or too busy); skipped, the schedule goes on at its next fire."
                : "Missed while Ferry was not running (or too busy); one catch-up run follows now.";
        runs.notRun(trigger.getKey().getName(), planned, RunOutcome.MISFIRED, why, Instant.now());
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }
}
