package dev.ferry.scheduling;

import org.quartz.CronTrigger;

/**
 * What a schedule does when a fire meets a run still going ({@code overlap}), when fires were missed
 * while Ferry was down ({@code misfire}), and after how many FAILED runs in a row it pauses itself.
 */
public record SchedulePolicy(Overlap overlap, Misfire misfire, int pauseAfterFailures) {

    public static final SchedulePolicy DEFAULT = new SchedulePolicy(Overlap.SKIP, Misfire.RUN_ONCE, 3);

    public SchedulePolicy {
        overlap = overlap == null ? DEFAULT.overlap() : overlap;
        misfire = misfire == null ? DEFAULT.misfire() : misfire;
        pauseAfterFailures = Math.max(0, pauseAfterFailures);
    }

    public enum Overlap {
        /** Never two runs of a schedule at once: a fire that meets a running one is recorded and dropped. */
        SKIP
    }

    public enum Misfire {
        /** Fires missed while down become one catch-up run as soon as Quartz runs again. */
        RUN_ONCE(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW),
        /** Fires missed while down are dropped; the schedule goes on at its next fire time. */
        SKIP(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);

        private final int quartzInstruction;

        Misfire(int quartzInstruction) {
            this.quartzInstruction = quartzInstruction;
        }

        /** The misfire instruction of a Quartz cron trigger that does this. */
        public int quartzInstruction() {
            return quartzInstruction;
        }

        static Misfire of(int quartzInstruction) {
            return quartzInstruction == SKIP.quartzInstruction ? SKIP : RUN_ONCE;
        }
    }

    /** Whether this many FAILED runs in a row, the last just now, pause the schedule. */
    boolean pausesAfter(int consecutiveFailures) {
        return pauseAfterFailures > 0 && consecutiveFailures >= pauseAfterFailures;
    }
}
